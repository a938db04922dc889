using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Certification.Migrations.Postgres
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Hours",
                table: "cert_course_results",
                type: "numeric(7,2)",
                precision: 7,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SealId",
                table: "cert_certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SignatureId",
                table: "cert_certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "TemplateId",
                table: "cert_certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cert_issuer_marks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuingUnit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Png = table.Column<byte[]>(type: "bytea", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_issuer_marks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cert_templates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Orientation = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Wording = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Border = table.Column<int>(type: "integer", nullable: false),
                    PrimaryColour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    AccentColour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    LogoPng = table.Column<byte[]>(type: "bytea", nullable: true),
                    CoursesPage = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
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
