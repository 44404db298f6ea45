using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class History : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "ix_history_record_type_record_id_at",
                table: "history",
                columns: new[] { "record_type", "record_id", "at" });

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
                name: "history");
        }
    }
}
