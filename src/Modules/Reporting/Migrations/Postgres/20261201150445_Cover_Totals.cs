using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Training.Reporting.Migrations.Postgres
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "Shares",
                table: "rpt_staff",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "rpt_cover",
                columns: table => new
                {
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MinDepth = table.Column<int>(type: "integer", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    FromKey = table.Column<DateOnly>(type: "date", nullable: false),
                    ToKey = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover", x => new { x.SetId, x.UserId, x.UnitId, x.ValidFrom });
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_population",
                columns: table => new
                {
                    AncestorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    N = table.Column<int>(type: "integer", nullable: false),
                    Extra = table.Column<int>(type: "integer", nullable: false),
                    Shared = table.Column<int>(type: "integer", nullable: false),
                    Own = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_population", x => new { x.AncestorId, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeKey = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_totals",
                columns: table => new
                {
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    AncestorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromKey = table.Column<DateOnly>(type: "date", nullable: false),
                    ToKey = table.Column<DateOnly>(type: "date", nullable: false),
                    N = table.Column<int>(type: "integer", nullable: false),
                    Extra = table.Column<int>(type: "integer", nullable: false),
                    Own = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_totals", x => new { x.SetId, x.AncestorId, x.Category, x.FromKey, x.ToKey });
                });

            migrationBuilder.CreateTable(
                name: "rpt_cover_tree",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rpt_cover_tree", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rpt_unit_closure",
                columns: table => new
                {
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AncestorId = table.Column<Guid>(type: "uuid", nullable: false),
                    AncestorDepth = table.Column<int>(type: "integer", nullable: false),
                    Own = table.Column<bool>(type: "boolean", nullable: false)
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
