using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.LegalLibrary.Migrations.Postgres
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
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClaimedBy",
                table: "legal_outbox",
                type: "character varying(200)",
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
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.CreateIndex(
                name: "IX_legal_outbox_ProcessedAt_NextAttemptAt",
                table: "legal_outbox",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });
        }
    }
}
