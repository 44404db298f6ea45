using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanRoutingAndReturn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "submitter_scope",
                table: "yearly_plans",
                newName: "submitted_by");

            // Plans submitted before routing held the submitter's region prefix and had no approver chosen: they keep
            // their submitter as a bureau key and wait for the system admin (who may answer any submitted plan).
            migrationBuilder.Sql("UPDATE yearly_plans SET submitted_by = 'r:' || submitted_by WHERE submitted_by IS NOT NULL AND submitted_by NOT LIKE '_:%';");

            migrationBuilder.AddColumn<string>(
                name: "approver_jurisdiction",
                table: "yearly_plans",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_comment",
                table: "yearly_plans",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "returned_at",
                table: "yearly_plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "returned_by_user_id",
                table: "yearly_plans",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_returned_by_user_id",
                table: "yearly_plans",
                column: "returned_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_status_approver_jurisdiction",
                table: "yearly_plans",
                columns: new[] { "status", "approver_jurisdiction" });

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_submitted_by",
                table: "yearly_plans",
                column: "submitted_by");

            migrationBuilder.AddForeignKey(
                name: "fk_yearly_plans_users_returned_by_user_id",
                table: "yearly_plans",
                column: "returned_by_user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_yearly_plans_users_returned_by_user_id",
                table: "yearly_plans");

            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_returned_by_user_id",
                table: "yearly_plans");

            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_status_approver_jurisdiction",
                table: "yearly_plans");

            migrationBuilder.DropIndex(
                name: "ix_yearly_plans_submitted_by",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "approver_jurisdiction",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "return_comment",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "returned_at",
                table: "yearly_plans");

            migrationBuilder.DropColumn(
                name: "returned_by_user_id",
                table: "yearly_plans");

            migrationBuilder.RenameColumn(
                name: "submitted_by",
                table: "yearly_plans",
                newName: "submitter_scope");
        }
    }
}
