using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cycle_CycleAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RecertifyDueOn",
                table: "courses_courses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateReason",
                table: "courses_courses",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdateRequestedAt",
                table: "courses_courses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateRequestedBy",
                table: "courses_courses",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "courses_cycle_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Cycle = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_cycle_assignments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courses_cycle_assignments_CourseId_DueOn",
                table: "courses_cycle_assignments",
                columns: new[] { "CourseId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_cycle_assignments_UserId_ProgrammeId_Cycle_CourseId",
                table: "courses_cycle_assignments",
                columns: new[] { "UserId", "ProgrammeId", "Cycle", "CourseId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courses_cycle_assignments");

            migrationBuilder.DropColumn(
                name: "RecertifyDueOn",
                table: "courses_courses");

            migrationBuilder.DropColumn(
                name: "UpdateReason",
                table: "courses_courses");

            migrationBuilder.DropColumn(
                name: "UpdateRequestedAt",
                table: "courses_courses");

            migrationBuilder.DropColumn(
                name: "UpdateRequestedBy",
                table: "courses_courses");
        }
    }
}
