using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Reporting.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cover_Totals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinDepth",
                table: "rpt_staff",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Shares",
                table: "rpt_staff",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "rpt_cover",
                columns: table => new
                {
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MinDepth = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FromKey = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToKey = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover", x => new { x.SetId, x.UserId, x.UnitId, x.ValidFrom });
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_population",
                columns: table => new
                {
                    AncestorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    N = table.Column<int>(type: "INTEGER", nullable: false),
                    Extra = table.Column<int>(type: "INTEGER", nullable: false),
                    Shared = table.Column<int>(type: "INTEGER", nullable: false),
                    Own = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_population", x => new { x.AncestorId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeKey = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_totals",
                columns: table => new
                {
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    AncestorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromKey = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToKey = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    N = table.Column<int>(type: "INTEGER", nullable: false),
                    Extra = table.Column<int>(type: "INTEGER", nullable: false),
                    Own = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_totals", x => new { x.SetId, x.AncestorId, x.Category, x.FromKey, x.ToKey });
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_tree",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Fingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_tree", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rpt_unit_closure",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AncestorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AncestorDepth = table.Column<int>(type: "INTEGER", nullable: false),
                    Own = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_unit_closure", x => new { x.UnitId, x.AncestorId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_cover_SetId_ValidFrom_UnitId_MinDepth_Category_ValidTo",
                table: "rpt_cover",
                columns: new[] { "SetId", "ValidFrom", "UnitId", "MinDepth", "Category", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_cover_SetId_ValidTo_UnitId_MinDepth_Category_ValidFrom",
                table: "rpt_cover",
                columns: new[] { "SetId", "ValidTo", "UnitId", "MinDepth", "Category", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_rpt_cover_sets_ProgrammeKey",
                table: "rpt_cover_sets",
                column: "ProgrammeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rpt_unit_closure_AncestorId",
                table: "rpt_unit_closure",
                column: "AncestorId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rpt_cover");

            migrationBuilder.DropTable(
                name: "rpt_cover_population");

            migrationBuilder.DropTable(
                name: "rpt_cover_sets");

            migrationBuilder.DropTable(
                name: "rpt_cover_totals");

            migrationBuilder.DropTable(
                name: "rpt_cover_tree");

            migrationBuilder.DropTable(
                name: "rpt_unit_closure");

            migrationBuilder.DropColumn(
                name: "MinDepth",
                table: "rpt_staff");

            migrationBuilder.DropColumn(
                name: "Shares",
                table: "rpt_staff");
        }
    }
}
