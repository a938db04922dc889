using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnrolmentInProgressIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_enrolments_CourseId",
                table: "courses_enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_courses_enrolments_CourseId_IsCurrent_CompletedAt_UserId",
                table: "courses_enrolments",
                columns: new[] { "CourseId", "IsCurrent", "CompletedAt", "UserId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_enrolments_CourseId_IsCurrent_CompletedAt_UserId",
                table: "courses_enrolments");

            migrationBuilder.CreateIndex(
                name: "IX_courses_enrolments_CourseId",
                table: "courses_enrolments",
                column: "CourseId");
        }
    }
}
