using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_documents_owner",
                table: "documents");

            migrationBuilder.AddColumn<int>(
                name: "criterion",
                table: "documents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "party_evaluation_id",
                table: "documents",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluation_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    publisher_jurisdiction = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evaluation_rounds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "party_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    self_scores = table.Column<string>(type: "jsonb", nullable: false),
                    self_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    submitted_by = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewer_jurisdiction = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    review_scores = table.Column<string>(type: "jsonb", nullable: false),
                    review_comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reviewed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reminder_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_party_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_party_evaluations_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_party_evaluations_evaluation_rounds_round_id",
                        column: x => x.round_id,
                        principalTable: "evaluation_rounds",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_party_evaluations_users_reviewed_by_user_id",
                        column: x => x.reviewed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_party_evaluations_users_submitted_by_user_id",
                        column: x => x.submitted_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_documents_party_evaluation_id",
                table: "documents",
                column: "party_evaluation_id");

            migrationBuilder.AddCheckConstraint(
                name: "ck_documents_criterion",
                table: "documents",
                sql: "(party_evaluation_id IS NULL) = (criterion IS NULL)");

            migrationBuilder.AddCheckConstraint(
                name: "ck_documents_owner",
                table: "documents",
                sql: "num_nonnulls(agreement_id, activity_id, party_evaluation_id) = 1");

            migrationBuilder.CreateIndex(
                name: "ix_evaluation_rounds_year_status",
                table: "evaluation_rounds",
                columns: new[] { "year", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_party_evaluations_agreement_id",
                table: "party_evaluations",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_evaluations_reviewed_by_user_id",
                table: "party_evaluations",
                column: "reviewed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_party_evaluations_round_id_agreement_id_organisation_id",
                table: "party_evaluations",
                columns: new[] { "round_id", "agreement_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_party_evaluations_status_reviewer_jurisdiction",
                table: "party_evaluations",
                columns: new[] { "status", "reviewer_jurisdiction" });

            migrationBuilder.CreateIndex(
                name: "ix_party_evaluations_submitted_by_user_id",
                table: "party_evaluations",
                column: "submitted_by_user_id");

            migrationBuilder.AddForeignKey(
                name: "fk_documents_party_evaluations_party_evaluation_id",
                table: "documents",
                column: "party_evaluation_id",
                principalTable: "party_evaluations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_documents_party_evaluations_party_evaluation_id",
                table: "documents");

            migrationBuilder.DropTable(
                name: "party_evaluations");

            migrationBuilder.DropTable(
                name: "evaluation_rounds");

            migrationBuilder.DropIndex(
                name: "ix_documents_party_evaluation_id",
                table: "documents");

            migrationBuilder.DropCheckConstraint(
                name: "ck_documents_criterion",
                table: "documents");

            migrationBuilder.DropCheckConstraint(
                name: "ck_documents_owner",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "criterion",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "party_evaluation_id",
                table: "documents");

            migrationBuilder.AddCheckConstraint(
                name: "ck_documents_owner",
                table: "documents",
                sql: "(agreement_id IS NULL) <> (activity_id IS NULL)");
        }
    }
}
