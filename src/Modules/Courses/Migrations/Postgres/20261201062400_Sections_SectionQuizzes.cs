using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sections_SectionQuizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_attempts_EnrolmentId_Number",
                table: "courses_attempts");

            migrationBuilder.AddColumn<int>(
                name: "SectionOrder",
                table: "courses_version_questions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SectionQuizCount",
                table: "courses_version_lessons",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuizQuestionCount",
                table: "courses_sections",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "SectionId",
                table: "courses_questions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Section",
                table: "courses_attempts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_courses_attempts_EnrolmentId_Section_Number",
                table: "courses_attempts",
                columns: new[] { "EnrolmentId", "Section", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_attempts_EnrolmentId_Section_Number",
                table: "courses_attempts");

            migrationBuilder.DropColumn(
                name: "SectionOrder",
                table: "courses_version_questions");

            migrationBuilder.DropColumn(
                name: "SectionQuizCount",
                table: "courses_version_lessons");

            migrationBuilder.DropColumn(
                name: "QuizQuestionCount",
                table: "courses_sections");

            migrationBuilder.DropColumn(
                name: "SectionId",
                table: "courses_questions");

            migrationBuilder.DropColumn(
                name: "Section",
                table: "courses_attempts");

            migrationBuilder.CreateIndex(
                name: "IX_courses_attempts_EnrolmentId_Number",
                table: "courses_attempts",
                columns: new[] { "EnrolmentId", "Number" },
                unique: true);
        }
    }
}
