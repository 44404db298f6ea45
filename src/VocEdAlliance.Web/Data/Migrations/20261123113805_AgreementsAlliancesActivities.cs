using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgreementsAlliancesActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alliances",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    focus_areas = table.Column<string[]>(type: "text[]", nullable: false),
                    founded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    parent_alliance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    is_demo_placeholder = table.Column<bool>(type: "boolean", nullable: false),
                    access_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliances", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliances_alliances_parent_alliance_id",
                        column: x => x.parent_alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    alliance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    effective_to = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    modes = table.Column<string[]>(type: "text[]", nullable: false),
                    specialties = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    access_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_alliances_alliance_id",
                        column: x => x.alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreements_organisations_recorded_by_organisation_id",
                        column: x => x.recorded_by_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alliance_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    alliance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_members_alliances_alliance_id",
                        column: x => x.alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_alliance_members_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    alliance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    participating_organisations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    participants = table.Column<int>(type: "integer", nullable: true),
                    students = table.Column<int>(type: "integer", nullable: true),
                    teachers = table.Column<int>(type: "integer", nullable: true),
                    trainees = table.Column<int>(type: "integer", nullable: true),
                    amount_cny = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_archived = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activities", x => x.id);
                    table.CheckConstraint("ck_activities_agreement_or_alliance", "agreement_id IS NOT NULL OR alliance_id IS NOT NULL");
                    table.ForeignKey(
                        name: "fk_activities_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_alliances_alliance_id",
                        column: x => x.alliance_id,
                        principalTable: "alliances",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_users_recorded_by_user_id",
                        column: x => x.recorded_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_parties",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    institution_kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    signatory_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signatory_title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_parties_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_agreement_parties_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activities_agreement_id_starts_on",
                table: "activities",
                columns: new[] { "agreement_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_alliance_id_starts_on",
                table: "activities",
                columns: new[] { "alliance_id", "starts_on" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_recorded_by_user_id",
                table: "activities",
                column: "recorded_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_starts_on",
                table: "activities",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_parties_agreement_id",
                table: "agreement_parties",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_parties_organisation_id",
                table: "agreement_parties",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_access_keys",
                table: "agreements",
                column: "access_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_alliance_id",
                table: "agreements",
                column: "alliance_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_effective_from",
                table: "agreements",
                column: "effective_from");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_recorded_by_organisation_id",
                table: "agreements",
                column: "recorded_by_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_members_alliance_id",
                table: "alliance_members",
                column: "alliance_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_members_organisation_id",
                table: "alliance_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliances_access_keys",
                table: "alliances",
                column: "access_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_alliances_parent_alliance_id",
                table: "alliances",
                column: "parent_alliance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "agreement_parties");

            migrationBuilder.DropTable(
                name: "alliance_members");

            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "alliances");
        }
    }
}
