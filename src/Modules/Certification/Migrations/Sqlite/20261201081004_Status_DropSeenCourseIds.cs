using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Training.Certification.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Status_DropSeenCourseIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SeenCourseIds",
                table: "cert_programmes");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SeenCourseIds",
                table: "cert_programmes",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");
        }
    }
}
