using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Certification.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cycle_Cycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cert_cycles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousCertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CountFrom = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_cycles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cert_cycles_ProgrammeId_OpenedAt",
                table: "cert_cycles",
                columns: new[] { "ProgrammeId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cert_cycles_UserId_ProgrammeId_Cycle",
                table: "cert_cycles",
                columns: new[] { "UserId", "ProgrammeId", "Cycle" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cert_cycles");
        }
    }
}
