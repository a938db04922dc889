using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Courses_LimitsReviewAssignmentKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_enrolments_UserId_CourseId",
                table: "courses_enrolments");

            migrationBuilder.DropIndex(
                name: "IX_courses_assignments_CourseId_UserId",
                table: "courses_assignments");

            migrationBuilder.AddColumn<int>(
                name: "ReviewMode",
                table: "courses_versions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ReviewMode",
                table: "courses_courses",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Rows the old per-person assignment left behind, so the unique indexes below can be created: a repeated
            // assignment (same course and person) keeps its earliest row; of two current runs of one course, the later
            // stays current and the other becomes history (nothing else is deleted).
            migrationBuilder.Sql("""
                DELETE FROM courses_assignments WHERE EXISTS (SELECT 1 FROM courses_assignments b
                  WHERE b."CourseId" = courses_assignments."CourseId" AND b."UserId" = courses_assignments."UserId"
                    AND (b."AssignedAt" < courses_assignments."AssignedAt" OR (b."AssignedAt" = courses_assignments."AssignedAt" AND b."Id" < courses_assignments."Id")));
                """);
            migrationBuilder.Sql("""
                UPDATE courses_enrolments SET "IsCurrent" = FALSE WHERE "IsCurrent" AND EXISTS (SELECT 1 FROM courses_enrolments b
                  WHERE b."UserId" = courses_enrolments."UserId" AND b."CourseId" = courses_enrolments."CourseId" AND b."IsCurrent"
                    AND (b."EnrolledAt" > courses_enrolments."EnrolledAt" OR (b."EnrolledAt" = courses_enrolments."EnrolledAt" AND b."Id" > courses_enrolments."Id")));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_courses_enrolments_UserId_CourseId",
                table: "courses_enrolments",
                columns: new[] { "UserId", "CourseId" },
                unique: true,
                filter: "\"IsCurrent\"");

            migrationBuilder.CreateIndex(
                name: "IX_courses_assignments_CourseId_UserId",
                table: "courses_assignments",
                columns: new[] { "CourseId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_enrolments_UserId_CourseId",
                table: "courses_enrolments");

            migrationBuilder.DropIndex(
                name: "IX_courses_assignments_CourseId_UserId",
                table: "courses_assignments");

            migrationBuilder.DropColumn(
                name: "ReviewMode",
                table: "courses_versions");

            migrationBuilder.DropColumn(
                name: "ReviewMode",
                table: "courses_courses");

            migrationBuilder.CreateIndex(
                name: "IX_courses_enrolments_UserId_CourseId",
                table: "courses_enrolments",
                columns: new[] { "UserId", "CourseId" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_assignments_CourseId_UserId",
                table: "courses_assignments",
                columns: new[] { "CourseId", "UserId" });
        }
    }
}
