using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class BusinessDateChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "ck_alliances_founded_on_in_range",
                table: "alliances",
                sql: "founded_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_alliance_members_joined_on_in_range",
                table: "alliance_members",
                sql: "joined_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_alliance_members_left_on_in_range",
                table: "alliance_members",
                sql: "left_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_agreements_effective_from_in_range",
                table: "agreements",
                sql: "effective_from BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_agreements_effective_to_in_range",
                table: "agreements",
                sql: "effective_to BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_agreements_expiry_reminder_sent_on_in_range",
                table: "agreements",
                sql: "expiry_reminder_sent_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_agreements_terminated_on_in_range",
                table: "agreements",
                sql: "terminated_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_agreement_parties_signed_on_in_range",
                table: "agreement_parties",
                sql: "signed_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_activities_ends_on_in_range",
                table: "activities",
                sql: "ends_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_activities_starts_on_in_range",
                table: "activities",
                sql: "starts_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_alliances_founded_on_in_range",
                table: "alliances");

            migrationBuilder.DropCheckConstraint(
                name: "ck_alliance_members_joined_on_in_range",
                table: "alliance_members");

            migrationBuilder.DropCheckConstraint(
                name: "ck_alliance_members_left_on_in_range",
                table: "alliance_members");

            migrationBuilder.DropCheckConstraint(
                name: "ck_agreements_effective_from_in_range",
                table: "agreements");

            migrationBuilder.DropCheckConstraint(
                name: "ck_agreements_effective_to_in_range",
                table: "agreements");

            migrationBuilder.DropCheckConstraint(
                name: "ck_agreements_expiry_reminder_sent_on_in_range",
                table: "agreements");

            migrationBuilder.DropCheckConstraint(
                name: "ck_agreements_terminated_on_in_range",
                table: "agreements");

            migrationBuilder.DropCheckConstraint(
                name: "ck_agreement_parties_signed_on_in_range",
                table: "agreement_parties");

            migrationBuilder.DropCheckConstraint(
                name: "ck_activities_ends_on_in_range",
                table: "activities");

            migrationBuilder.DropCheckConstraint(
                name: "ck_activities_starts_on_in_range",
                table: "activities");
        }
    }
}
