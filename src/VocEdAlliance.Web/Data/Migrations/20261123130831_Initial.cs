using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
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
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    record_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    access_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    parent_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: true),
                    macro_zone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_development_zone = table.Column<bool>(type: "boolean", nullable: false),
                    is_statistical_grouping = table.Column<bool>(type: "boolean", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_regions", x => x.code);
                    table.ForeignKey(
                        name: "fk_regions_regions_parent_code",
                        column: x => x.parent_code,
                        principalTable: "regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    access_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    is_demo_placeholder = table.Column<bool>(type: "boolean", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ownership = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    head = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    credit_code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: true),
                    founded_year = table.Column<int>(type: "integer", nullable: true),
                    enrolment = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                    table.ForeignKey(
                        name: "fk_organisations_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_user_claims_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_logins", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_user_logins_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_roles_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_roles_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tokens", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_user_tokens_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    expiry_reminder_sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    renewed_from_id = table.Column<Guid>(type: "uuid", nullable: true),
                    access_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    terms_text = table.Column<string>(type: "text", nullable: false),
                    terms_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_agreements_renewed_from_id",
                        column: x => x.renewed_from_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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
                    giver_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    receiver_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_of_funds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
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
                        name: "fk_activities_organisations_giver_organisation_id",
                        column: x => x.giver_organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_activities_organisations_receiver_organisation_id",
                        column: x => x.receiver_organisation_id,
                        principalTable: "organisations",
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
                name: "agreement_confirmations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    terms_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    terms_text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_confirmations", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_confirmations_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_agreement_confirmations_asp_net_users_confirmed_by_user_id",
                        column: x => x.confirmed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreement_confirmations_organisations_party_organisation_id",
                        column: x => x.party_organisation_id,
                        principalTable: "organisations",
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

            migrationBuilder.CreateTable(
                name: "yearly_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    alliance_id = table.Column<Guid>(type: "uuid", nullable: true),
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
                    table.CheckConstraint("ck_yearly_plans_owner", "(agreement_id IS NULL) <> (alliance_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_yearly_plans_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_yearly_plans_alliances_alliance_id",
                        column: x => x.alliance_id,
                        principalTable: "alliances",
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

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: true),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.CheckConstraint("ck_documents_owner", "(agreement_id IS NULL) <> (activity_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_documents_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_documents_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_documents_users_uploaded_by_user_id",
                        column: x => x.uploaded_by_user_id,
                        principalTable: "users",
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
                name: "ix_activities_giver_organisation_id",
                table: "activities",
                column: "giver_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_receiver_organisation_id",
                table: "activities",
                column: "receiver_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_recorded_by_user_id",
                table: "activities",
                column: "recorded_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_activities_starts_on",
                table: "activities",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_confirmations_agreement_id_party_organisation_id",
                table: "agreement_confirmations",
                columns: new[] { "agreement_id", "party_organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_confirmations_confirmed_by_user_id",
                table: "agreement_confirmations",
                column: "confirmed_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_confirmations_party_organisation_id",
                table: "agreement_confirmations",
                column: "party_organisation_id");

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
                name: "ix_agreements_effective_to",
                table: "agreements",
                column: "effective_to");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_recorded_by_organisation_id",
                table: "agreements",
                column: "recorded_by_organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_renewed_from_id",
                table: "agreements",
                column: "renewed_from_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_documents_activity_id",
                table: "documents",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_agreement_id",
                table: "documents",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_documents_uploaded_by_user_id",
                table: "documents",
                column: "uploaded_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_history_record_type_record_id_at",
                table: "history",
                columns: new[] { "record_type", "record_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_organisations_access_keys",
                table: "organisations",
                column: "access_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_credit_code",
                table: "organisations",
                column: "credit_code",
                unique: true,
                filter: "credit_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                table: "organisations",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_region_code",
                table: "organisations",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_regions_name",
                table: "regions",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_regions_parent_code",
                table: "regions",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_roles_normalized_name",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_email",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_user_name",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_organisation_id",
                table: "users",
                column: "organisation_id");

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

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_approved_by_user_id",
                table: "yearly_plans",
                column: "approved_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_yearly_plans_submitted_by_user_id",
                table: "yearly_plans",
                column: "submitted_by_user_id");

            // History is append-only, also for anyone who reaches the database directly.
            migrationBuilder.Sql("""
                CREATE FUNCTION history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'history is append-only: % is not allowed', TG_OP;
                END $$;
                CREATE TRIGGER history_no_update_or_delete BEFORE UPDATE OR DELETE ON history
                    FOR EACH ROW EXECUTE FUNCTION history_is_append_only();
                CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history
                    FOR EACH STATEMENT EXECUTE FUNCTION history_is_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS history_no_truncate ON history; DROP TRIGGER IF EXISTS history_no_update_or_delete ON history; DROP FUNCTION IF EXISTS history_is_append_only();");
            migrationBuilder.DropTable(
                name: "agreement_confirmations");

            migrationBuilder.DropTable(
                name: "agreement_parties");

            migrationBuilder.DropTable(
                name: "alliance_members");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "yearly_plans");

            migrationBuilder.DropTable(
                name: "activities");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "agreements");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "alliances");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "regions");
        }
    }
}
