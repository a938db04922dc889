using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Heads_PlanReportDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReportDeadlineDay",
                table: "rpt_plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportDeadlineMonth",
                table: "rpt_plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReportLeadDays",
                table: "rpt_plans",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReportDeadlineDay",
                table: "rpt_plans");

            migrationBuilder.DropColumn(
                name: "ReportDeadlineMonth",
                table: "rpt_plans");

            migrationBuilder.DropColumn(
                name: "ReportLeadDays",
                table: "rpt_plans");
        }
    }
}
