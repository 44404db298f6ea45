using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanSchoolsAndBureauPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_yearly_plans_owner",
                table: "yearly_plans");

            migrationBuilder.AddColumn<Guid>(
                name: "bureau_id",
                table: "yearly_plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "targets_enrolment",
                table: "yearly_plans",
                type: "numeric(16,2)",
                precision: 16,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "targets_schools",
                table: "yearly_plans",
                type: "numeric(16,2)",
                precision: 16,
                scale: 2,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_bureau_id_year",
                table: "yearly_plans",
                columns: new[] { "bureau_id", "year" },
                unique: true,
                filter: "bureau_id IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_yearly_plans_owner",
                table: "yearly_plans",
                sql: "num_nonnulls(agreement_id, alliance_id, bureau_id) = 1");

            migrationBuilder.AddForeignKey(
                name: "fk_yearly_plans_bureaus_bureau_id",
                table: "yearly_plans",
                column: "bureau_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_yearly_plans_bureaus_bureau_id",
                table: "yearly_plans");

            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_bureau_id_year",
                table: "yearly_plans");

            migrationBuilder.DropCheckConstraint(
                name: "ck_yearly_plans_owner",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "bureau_id",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "targets_enrolment",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "targets_schools",
                table: "yearly_plans");

            migrationBuilder.AddCheckConstraint(
                name: "ck_yearly_plans_owner",
                table: "yearly_plans",
                sql: "(agreement_id IS NULL) <> (alliance_id IS NULL)");
        }
    }
}
