using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Courses.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Quiz_QuestionTypesAndEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accepted",
                table: "courses_version_questions",
                type: "text",
                nullable: false,
                defaultValue: "[]") /* existing questions have no accepted answers: an empty JSON array */;

            migrationBuilder.AddColumn<bool>(
                name: "FoldDiacritics",
                table: "courses_version_questions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "Tolerance",
                table: "courses_version_questions",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Accepted",
                table: "courses_questions",
                type: "text",
                nullable: false,
                defaultValue: "[]") /* existing questions have no accepted answers: an empty JSON array */;

            migrationBuilder.AddColumn<bool>(
                name: "FoldDiacritics",
                table: "courses_questions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "Tolerance",
                table: "courses_questions",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "courses_evaluation_answered",
                columns: table => new
                {
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_evaluation_answered", x => new { x.CourseId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "courses_evaluation_answers",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_evaluation_answers", x => new { x.ResponseId, x.ItemId });
                });

            migrationBuilder.CreateTable(
                name: "courses_evaluation_forms",
                columns: table => new
                {
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_evaluation_forms", x => x.CourseId);
                });

            migrationBuilder.CreateTable(
                name: "courses_evaluation_responses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_evaluation_responses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "courses_evaluation_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses_evaluation_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_courses_evaluation_items_courses_evaluation_forms_CourseId",
                        column: x => x.CourseId,
                        principalTable: "courses_evaluation_forms",
                        principalColumn: "CourseId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_courses_evaluation_answers_CourseId_ItemId",
                table: "courses_evaluation_answers",
                columns: new[] { "CourseId", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_evaluation_items_CourseId",
                table: "courses_evaluation_items",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_evaluation_responses_CourseId",
                table: "courses_evaluation_responses",
                column: "CourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "courses_evaluation_answered");

            migrationBuilder.DropTable(
                name: "courses_evaluation_answers");

            migrationBuilder.DropTable(
                name: "courses_evaluation_items");

            migrationBuilder.DropTable(
                name: "courses_evaluation_responses");

            migrationBuilder.DropTable(
                name: "courses_evaluation_forms");

            migrationBuilder.DropColumn(
                name: "Accepted",
                table: "courses_version_questions");

            migrationBuilder.DropColumn(
                name: "FoldDiacritics",
                table: "courses_version_questions");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "courses_version_questions");

            migrationBuilder.DropColumn(
                name: "Accepted",
                table: "courses_questions");

            migrationBuilder.DropColumn(
                name: "FoldDiacritics",
                table: "courses_questions");

            migrationBuilder.DropColumn(
                name: "Tolerance",
                table: "courses_questions");
        }
    }
}
