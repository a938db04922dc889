using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Organisation.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Sec_ServerSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "org_login_failures",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastFailureAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_login_failures", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "org_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_org_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_org_login_failures_LastFailureAt",
                table: "org_login_failures",
                column: "LastFailureAt");

            migrationBuilder.CreateIndex(
                name: "IX_org_sessions_ExpiresAt",
                table: "org_sessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_org_sessions_UserId",
                table: "org_sessions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "org_login_failures");

            migrationBuilder.DropTable(
                name: "org_sessions");
        }
    }
}
