using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgreementLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "renewed_from_id",
                table: "agreements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "terminated_on",
                table: "agreements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "termination_reason",
                table: "agreements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_effective_to",
                table: "agreements",
                column: "effective_to");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_renewed_from_id",
                table: "agreements",
                column: "renewed_from_id");

            migrationBuilder.AddForeignKey(
                name: "fk_agreements_agreements_renewed_from_id",
                table: "agreements",
                column: "renewed_from_id",
                principalTable: "agreements",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_agreements_agreements_renewed_from_id",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_agreements_effective_to",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_agreements_renewed_from_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "renewed_from_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "terminated_on",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_reason",
                table: "agreements");
        }
    }
}
