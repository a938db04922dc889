using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Organisation.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Heads_UnitHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_unit_heads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_unit_heads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_unit_heads_UnitId_EndedAt",
                table: "org_unit_heads",
                columns: new[] { "UnitId", "EndedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_org_unit_heads_UserId",
                table: "org_unit_heads",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_unit_heads");
        }
    }
}
