using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionWebsite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "website",
                table: "organisations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "website",
                table: "organisations");
        }
    }
}
