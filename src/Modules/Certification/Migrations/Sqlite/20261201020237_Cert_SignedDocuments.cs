using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Certification.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cert_SignedDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "cert_programmes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "cert_course_results",
                type: "TEXT",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SealId",
                table: "cert_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SignatureId",
                table: "cert_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "cert_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cert_issuer_marks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuingUnit = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Png = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_issuer_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cert_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Orientation = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Border = table.Column<int>(type: "INTEGER", nullable: false),
                    PrimaryColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    AccentColour = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    LogoPng = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CoursesPage = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_templates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cert_issuer_marks_IssuingUnit_Kind_RetiredAt",
                table: "cert_issuer_marks",
                columns: new[] { "IssuingUnit", "Kind", "RetiredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cert_templates_ProgrammeId_Version",
                table: "cert_templates",
                columns: new[] { "ProgrammeId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cert_issuer_marks");

            migrationBuilder.DropTable(
                name: "cert_templates");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "cert_programmes");

            migrationBuilder.DropColumn(
                name: "Hours",
                table: "cert_course_results");

            migrationBuilder.DropColumn(
                name: "SealId",
                table: "cert_certificates");

            migrationBuilder.DropColumn(
                name: "SignatureId",
                table: "cert_certificates");

            migrationBuilder.DropColumn(
                name: "TemplateId",
                table: "cert_certificates");
        }
    }
}
