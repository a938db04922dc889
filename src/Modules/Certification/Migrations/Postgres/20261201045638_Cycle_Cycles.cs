using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Certification.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    PreviousCertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CountFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
