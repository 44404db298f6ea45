using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FrameworkRolesQuotasIndustrialColleges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "college_name",
                table: "agreements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "implements_framework_id",
                table: "agreements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "quotas",
                table: "agreements",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "position",
                table: "agreement_parties",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "role",
                table: "agreement_parties",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Signatory");

            // The parties recorded before had no order: they are listed in the order of their organisations' ids, the
            // order their terms text names them in (the order is not part of the terms: no hash changes either way).
            migrationBuilder.Sql("""
                UPDATE agreement_parties p SET position = o.position
                FROM (SELECT id, row_number() OVER (PARTITION BY agreement_id ORDER BY organisation_id) AS position FROM agreement_parties) o
                WHERE o.id = p.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_implements_framework_id",
                table: "agreements",
                column: "implements_framework_id");

            migrationBuilder.AddForeignKey(
                name: "fk_agreements_agreements_implements_framework_id",
                table: "agreements",
                column: "implements_framework_id",
                principalTable: "agreements",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_agreements_agreements_implements_framework_id",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_agreements_implements_framework_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "college_name",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "implements_framework_id",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "quotas",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "position",
                table: "agreement_parties");

            migrationBuilder.DropColumn(
                name: "role",
                table: "agreement_parties");
        }
    }
}
