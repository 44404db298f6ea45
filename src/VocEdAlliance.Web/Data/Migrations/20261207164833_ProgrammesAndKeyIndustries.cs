using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProgrammesAndKeyIndustries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "key_industries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    from_year = table.Column<int>(type: "integer", nullable: false),
                    to_year = table.Column<int>(type: "integer", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_key_industries", x => x.id);
                    table.ForeignKey(
                        name: "fk_key_industries_regions_region_code",
                        column: x => x.region_code,
                        principalTable: "regions",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    catalogue_code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false),
                    major_category = table.Column<int>(type: "integer", nullable: false),
                    opened_in = table.Column<int>(type: "integer", nullable: true),
                    closed_in = table.Column<int>(type: "integer", nullable: true),
                    closed_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    downsized_in = table.Column<int>(type: "integer", nullable: true),
                    downsized_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    key_industry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    years = table.Column<string>(type: "jsonb", nullable: false),
                    access_keys = table.Column<List<string>>(type: "text[]", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_programmes", x => x.id);
                    table.ForeignKey(
                        name: "fk_programmes_key_industries_key_industry_id",
                        column: x => x.key_industry_id,
                        principalTable: "key_industries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_programmes_organisations_institution_id",
                        column: x => x.institution_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_key_industries_region_code",
                table: "key_industries",
                column: "region_code");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_access_keys",
                table: "programmes",
                column: "access_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_institution_id",
                table: "programmes",
                column: "institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_programmes_key_industry_id",
                table: "programmes",
                column: "key_industry_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "programmes");

            migrationBuilder.DropTable(
                name: "key_industries");
        }
    }
}
