using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class YearlyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "yearly_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitter_scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    targets_funds_cny = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    targets_lectures = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    targets_poor_family_students_enrolled = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    targets_students_exchanged = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    targets_teachers_trained = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    targets_trainees = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    targets_visits = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_yearly_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_yearly_plans_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_yearly_plans_users_approved_by_user_id",
                        column: x => x.approved_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_yearly_plans_users_submitted_by_user_id",
                        column: x => x.submitted_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_agreement_id_year",
                table: "yearly_plans",
                columns: new[] { "agreement_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_approved_by_user_id",
                table: "yearly_plans",
                column: "approved_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_submitted_by_user_id",
                table: "yearly_plans",
                column: "submitted_by_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "yearly_plans");
        }
    }
}
