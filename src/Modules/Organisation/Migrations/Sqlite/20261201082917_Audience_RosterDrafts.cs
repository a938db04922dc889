using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Organisation.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Audience_RosterDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_roster_drafts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_roster_drafts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_roster_drafts_CreatedAt",
                table: "org_roster_drafts",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_roster_drafts");
        }
    }
}
