using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scorm_Packages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "courses_scorm_attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScoIdentifier = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletionStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuccessStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ScoreRaw = table.Column<double>(type: "REAL", nullable: true),
                    ScoreMin = table.Column<double>(type: "REAL", nullable: true),
                    ScoreMax = table.Column<double>(type: "REAL", nullable: true),
                    ScoreScaled = table.Column<double>(type: "REAL", nullable: true),
                    Exit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TotalSeconds = table.Column<double>(type: "REAL", nullable: false),
                    SessionSeconds = table.Column<double>(type: "REAL", nullable: false),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    SatisfiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Values = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_scorm_files",
                columns: table => new
                {
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BlobKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_files", x => new { x.PackageId, x.Path });
                });

            migrationBuilder.CreateTable(
                name: "courses_scorm_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LessonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SchemaVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    UncompressedBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    FileCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_packages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_scorm_items",
                columns: table => new
                {
                    PackageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LaunchUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsSco = table.Column<bool>(type: "INTEGER", nullable: false),
                    MasteryScore = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LaunchData = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_items", x => new { x.PackageId, x.Order });
                    table.ForeignKey(
                        name: "FK_courses_scorm_items_courses_scorm_packages_PackageId",
                        column: x => x.PackageId,
                        principalTable: "courses_scorm_packages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courses_scorm_attempts_EnrolmentId_LessonId_ScoIdentifier_Number",
                table: "courses_scorm_attempts",
                columns: new[] { "EnrolmentId", "LessonId", "ScoIdentifier", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_scorm_packages_LessonId",
                table: "courses_scorm_packages",
                column: "LessonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courses_scorm_attempts");

            migrationBuilder.DropTable(
                name: "courses_scorm_files");

            migrationBuilder.DropTable(
                name: "courses_scorm_items");

            migrationBuilder.DropTable(
                name: "courses_scorm_packages");
        }
    }
}
