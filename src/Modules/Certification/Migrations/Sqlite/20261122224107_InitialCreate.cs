using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Certification.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cert_audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cert_certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    VerificationCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HolderUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HolderUnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProgrammeName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuingUnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScorePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevokedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SupersededOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupersededById = table.Column<Guid>(type: "TEXT", nullable: true),
                    SupersedesId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    IssueReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    PdfFile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PdfSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PdfBytes = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cert_counters",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Value = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_counters", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "cert_course_results",
                columns: table => new
                {
                    CompletionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CourseTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ScorePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_course_results", x => x.CompletionId);
                });

            migrationBuilder.CreateTable(
                name: "cert_outbox",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cert_programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CourseCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RequiredCount = table.Column<int>(type: "INTEGER", nullable: true),
                    MinScore = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    ValidityMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    RecertificationWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuingUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IssuingUnitName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssuerCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SignerTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeenCourseIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cert_programmes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cert_audit_CertificateId",
                table: "cert_audit",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_HolderUnitId",
                table: "cert_certificates",
                column: "HolderUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_PdfSha256",
                table: "cert_certificates",
                column: "PdfSha256");

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_ProgrammeId_ExpiresOn",
                table: "cert_certificates",
                columns: new[] { "ProgrammeId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_SerialNumber",
                table: "cert_certificates",
                column: "SerialNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_StatusIndex",
                table: "cert_certificates",
                column: "StatusIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_UserId_ProgrammeId_Cycle_Revision",
                table: "cert_certificates",
                columns: new[] { "UserId", "ProgrammeId", "Cycle", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cert_certificates_VerificationCode",
                table: "cert_certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cert_course_results_UserId_CourseCode",
                table: "cert_course_results",
                columns: new[] { "UserId", "CourseCode" });

            migrationBuilder.CreateIndex(
                name: "IX_cert_outbox_ProcessedAt_NextAttemptAt",
                table: "cert_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cert_programmes_Code",
                table: "cert_programmes",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cert_audit");

            migrationBuilder.DropTable(
                name: "cert_certificates");

            migrationBuilder.DropTable(
                name: "cert_counters");

            migrationBuilder.DropTable(
                name: "cert_course_results");

            migrationBuilder.DropTable(
                name: "cert_outbox");

            migrationBuilder.DropTable(
                name: "cert_programmes");
        }
    }
}
