using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.LegalLibrary.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "legal_documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReplacedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Expired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AlqacLawId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "legal_articles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SourceNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SourceNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SourceArticle = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SourceTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AlqacArticleId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_legal_articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_legal_articles_legal_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "legal_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_legal_articles_DocumentId_Key",
                table: "legal_articles",
                columns: new[] { "DocumentId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_legal_articles_SourceNumber_SourceArticle",
                table: "legal_articles",
                columns: new[] { "SourceNumber", "SourceArticle" });

            migrationBuilder.CreateIndex(
                name: "IX_legal_documents_Number",
                table: "legal_documents",
                column: "Number");

            migrationBuilder.CreateIndex(
                name: "IX_legal_documents_Slug",
                table: "legal_documents",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "legal_articles");

            migrationBuilder.DropTable(
                name: "legal_documents");
        }
    }
}
