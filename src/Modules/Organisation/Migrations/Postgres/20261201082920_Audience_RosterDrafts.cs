using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Organisation.Migrations.Postgres
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
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Owner = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
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
