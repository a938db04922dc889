using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Platform_OutboxClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_outbox_ProcessedAt_NextAttemptAt",
                table: "courses_outbox");

            migrationBuilder.AlterColumn<long>(
                name: "NextAttemptAt",
                table: "courses_outbox",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "courses_outbox",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_outbox_due",
                table: "courses_outbox",
                column: "NextAttemptAt",
                filter: "\"ProcessedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_courses_outbox_processed",
                table: "courses_outbox",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_courses_outbox_due",
                table: "courses_outbox");

            migrationBuilder.DropIndex(
                name: "IX_courses_outbox_processed",
                table: "courses_outbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "courses_outbox");

            migrationBuilder.AlterColumn<long>(
                name: "NextAttemptAt",
                table: "courses_outbox",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.CreateIndex(
                name: "IX_courses_outbox_ProcessedAt_NextAttemptAt",
                table: "courses_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
