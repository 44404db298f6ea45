using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupportLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "giver_organisation_id",
                table: "activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "receiver_organisation_id",
                table: "activities",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source_of_funds",
                table: "activities",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_activities_giver_organisation_id",
                table: "activities",
                column: "giver_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_receiver_organisation_id",
                table: "activities",
                column: "receiver_organisation_id");

            migrationBuilder.AddForeignKey(
                name: "fk_activities_organisations_giver_organisation_id",
                table: "activities",
                column: "giver_organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_activities_organisations_receiver_organisation_id",
                table: "activities",
                column: "receiver_organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_activities_organisations_giver_organisation_id",
                table: "activities");

            migrationBuilder.DropForeignKey(
                name: "fk_activities_organisations_receiver_organisation_id",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_giver_organisation_id",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_receiver_organisation_id",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "giver_organisation_id",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "receiver_organisation_id",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "source_of_funds",
                table: "activities");
        }
    }
}
