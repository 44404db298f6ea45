using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AlliancePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_agreement_id_year",
                table: "yearly_plans");

            migrationBuilder.AlterColumn<Guid>(
                name: "agreement_id",
                table: "yearly_plans",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "alliance_id",
                table: "yearly_plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_agreement_id_year",
                table: "yearly_plans",
                columns: new[] { "agreement_id", "year" },
                unique: true,
                filter: "agreement_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_alliance_id_year",
                table: "yearly_plans",
                columns: new[] { "alliance_id", "year" },
                unique: true,
                filter: "alliance_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_yearly_plans_owner",
                table: "yearly_plans",
                sql: "(agreement_id IS NULL) <> (alliance_id IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "fk_yearly_plans_alliances_alliance_id",
                table: "yearly_plans",
                column: "alliance_id",
                principalTable: "alliances",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_yearly_plans_alliances_alliance_id",
                table: "yearly_plans");

            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_agreement_id_year",
                table: "yearly_plans");

            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_alliance_id_year",
                table: "yearly_plans");

            migrationBuilder.DropCheckConstraint(
                name: "ck_yearly_plans_owner",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "alliance_id",
                table: "yearly_plans");

            migrationBuilder.AlterColumn<Guid>(
                name: "agreement_id",
                table: "yearly_plans",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_agreement_id_year",
                table: "yearly_plans",
                columns: new[] { "agreement_id", "year" },
                unique: true);
        }
    }
}
