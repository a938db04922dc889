using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ScoIdentifier = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CompletionStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SuccessStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ScoreRaw = table.Column<decimal>(type: "numeric", nullable: true),
                    ScoreMin = table.Column<decimal>(type: "numeric", nullable: true),
                    ScoreMax = table.Column<decimal>(type: "numeric", nullable: true),
                    ScoreScaled = table.Column<decimal>(type: "numeric", nullable: true),
                    Exit = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TotalSeconds = table.Column<decimal>(type: "numeric", nullable: false),
                    SessionSeconds = table.Column<decimal>(type: "numeric", nullable: false),
                    Finished = table.Column<bool>(type: "boolean", nullable: false),
                    SatisfiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Values = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_scorm_files",
                columns: table => new
                {
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    BlobKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_files", x => new { x.PackageId, x.Path });
                });

            migrationBuilder.CreateTable(
                name: "courses_scorm_packages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    LessonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SchemaVersion = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UncompressedBytes = table.Column<long>(type: "bigint", nullable: false),
                    FileCount = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_scorm_packages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_scorm_items",
                columns: table => new
                {
                    PackageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaunchUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsSco = table.Column<bool>(type: "boolean", nullable: false),
                    MasteryScore = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LaunchData = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
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
                name: "IX_courses_scorm_attempts_EnrolmentId_LessonId_ScoIdentifier_N~",
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
