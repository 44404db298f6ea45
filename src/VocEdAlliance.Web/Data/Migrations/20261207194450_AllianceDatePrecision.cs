using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllianceDatePrecision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "founded_on_precision",
                table: "alliances",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Day");

            migrationBuilder.AddColumn<string>(
                name: "joined_on_precision",
                table: "alliance_members",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "founded_on_precision",
                table: "alliances");

            migrationBuilder.DropColumn(
                name: "joined_on_precision",
                table: "alliance_members");
        }
    }
}
