using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "courses_versions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "courses_versions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "Category",
                table: "courses_versions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<int>(
                name: "ReviewMode",
                table: "courses_versions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Citation",
                table: "courses_version_questions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SectionTitle",
                table: "courses_version_lessons",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "courses_sections",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "Citation",
                table: "courses_questions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "courses_courses",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "courses_courses",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(40)",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "Category",
                table: "courses_courses",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<int>(
                name: "ReviewMode",
                table: "courses_courses",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "Target",
                table: "courses_assignments",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

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

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "courses_versions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "courses_versions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Category",
                table: "courses_versions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Citation",
                table: "courses_version_questions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "SectionTitle",
                table: "courses_version_lessons",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "courses_sections",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "Citation",
                table: "courses_questions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Summary",
                table: "courses_courses",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

            migrationBuilder.AlterColumn<string>(
                name: "Code",
                table: "courses_courses",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Category",
                table: "courses_courses",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Target",
                table: "courses_assignments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);

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
