using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.LegalLibrary.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cycle_DocumentMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Replaces",
                table: "legal_documents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Replaces",
                table: "legal_documents");
        }
    }
}
