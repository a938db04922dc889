using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Audience_AudienceAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AudienceId",
                table: "courses_assignments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "courses_assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedReason",
                table: "courses_assignments",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "courses_assignment_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AudienceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_assignment_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_audience_courses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AudienceId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueFrom = table.Column<int>(type: "integer", nullable: false),
                    DueDays = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_audience_courses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courses_assignments_AudienceId_CourseId",
                table: "courses_assignments",
                columns: new[] { "AudienceId", "CourseId" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_assignments_UserId",
                table: "courses_assignments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_assignment_history_AssignmentId",
                table: "courses_assignment_history",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_audience_courses_AudienceId_CourseId",
                table: "courses_audience_courses",
                columns: new[] { "AudienceId", "CourseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_audience_courses_CourseId",
                table: "courses_audience_courses",
                column: "CourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courses_assignment_history");

            migrationBuilder.DropTable(
                name: "courses_audience_courses");

            migrationBuilder.DropIndex(
                name: "IX_courses_assignments_AudienceId_CourseId",
                table: "courses_assignments");

            migrationBuilder.DropIndex(
                name: "IX_courses_assignments_UserId",
                table: "courses_assignments");

            migrationBuilder.DropColumn(
                name: "AudienceId",
                table: "courses_assignments");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "courses_assignments");

            migrationBuilder.DropColumn(
                name: "ClosedReason",
                table: "courses_assignments");
        }
    }
}
