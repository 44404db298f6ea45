using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityEmploymentOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "employed",
                table: "activities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "households_benefited",
                table: "activities",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "industry_leaders",
                table: "activities",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "employed",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "households_benefited",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "industry_leaders",
                table: "activities");
        }
    }
}
