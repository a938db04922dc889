using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.LegalLibrary.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Platform_OutboxClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legal_outbox_ProcessedAt_NextAttemptAt",
                table: "legal_outbox");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "legal_outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "legal_outbox",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_outbox_due",
                table: "legal_outbox",
                column: "NextAttemptAt",
                filter: "\"ProcessedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_legal_outbox_processed",
                table: "legal_outbox",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_legal_outbox_due",
                table: "legal_outbox");

            migrationBuilder.DropIndex(
                name: "IX_legal_outbox_processed",
                table: "legal_outbox");

            migrationBuilder.DropColumn(
                name: "ClaimedBy",
                table: "legal_outbox");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "legal_outbox",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "TEXT");

            migrationBuilder.CreateIndex(
                name: "IX_legal_outbox_ProcessedAt_NextAttemptAt",
                table: "legal_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
