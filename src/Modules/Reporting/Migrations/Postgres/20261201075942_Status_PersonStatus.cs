using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Reporting.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Status_PersonStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rpt_person_status",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Posts = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SerialNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Certificates = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_person_status", x => new { x.UserId, x.ProgrammeId });
                });

            migrationBuilder.CreateTable(
                name: "rpt_staff",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Posts = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_staff", x => new { x.UserId, x.UnitId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_person_status_ProgrammeId_UnitId",
                table: "rpt_person_status",
                columns: new[] { "ProgrammeId", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_staff_UnitId_Posts",
                table: "rpt_staff",
                columns: new[] { "UnitId", "Posts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rpt_person_status");

            migrationBuilder.DropTable(
                name: "rpt_staff");
        }
    }
}
