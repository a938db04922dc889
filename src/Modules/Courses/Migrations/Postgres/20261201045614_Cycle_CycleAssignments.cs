using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
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
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateReason",
                table: "courses_courses",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdateRequestedAt",
                table: "courses_courses",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UpdateRequestedBy",
                table: "courses_courses",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "courses_cycle_assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Cycle = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uuid", nullable: true)
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
