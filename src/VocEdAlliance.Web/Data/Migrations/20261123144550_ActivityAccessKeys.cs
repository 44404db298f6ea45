using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityAccessKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agreements_effective_from",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_activities_starts_on",
                table: "activities");

            migrationBuilder.AddColumn<List<string>>(
                name: "access_keys",
                table: "activities",
                type: "text[]",
                nullable: true,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_effective_from_id",
                table: "agreements",
                columns: new[] { "effective_from", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_activities_access_keys",
                table: "activities",
                column: "access_keys")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_activities_starts_on_id",
                table: "activities",
                columns: new[] { "starts_on", "id" });

            // Hand-written: an activity's access keys are its agreement's and alliance's, kept exactly in sync by the
            // database in the same transaction: when an activity is recorded or moved, and when an owner's keys change
            // (parties edited, members joining or leaving). The portal never writes them; the access filter reads them.
            migrationBuilder.Sql("""
                CREATE FUNCTION activities_copy_access_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.access_keys := ARRAY(
                        SELECT DISTINCT k FROM (
                            SELECT unnest(access_keys) AS k FROM agreements WHERE id = NEW.agreement_id
                            UNION ALL
                            SELECT unnest(access_keys) FROM alliances WHERE id = NEW.alliance_id) owners
                        ORDER BY k);
                    RETURN NEW;
                END $$;

                CREATE TRIGGER activities_copy_access_keys
                    BEFORE INSERT OR UPDATE OF agreement_id, alliance_id, access_keys ON activities
                    FOR EACH ROW EXECUTE FUNCTION activities_copy_access_keys();

                CREATE FUNCTION owner_access_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'agreements' THEN
                        UPDATE activities SET agreement_id = agreement_id WHERE agreement_id = NEW.id;
                    ELSE
                        UPDATE activities SET alliance_id = alliance_id WHERE alliance_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER agreements_access_keys_changed
                    AFTER UPDATE OF access_keys ON agreements
                    FOR EACH ROW WHEN (OLD.access_keys IS DISTINCT FROM NEW.access_keys)
                    EXECUTE FUNCTION owner_access_keys_changed();

                CREATE TRIGGER alliances_access_keys_changed
                    AFTER UPDATE OF access_keys ON alliances
                    FOR EACH ROW WHEN (OLD.access_keys IS DISTINCT FROM NEW.access_keys)
                    EXECUTE FUNCTION owner_access_keys_changed();

                UPDATE activities SET agreement_id = agreement_id;
                """);

            // Hand-written: the national totals on the ministry's home page (institutions, current agreements, current
            // activities), counted by triggers in the same transaction as every change, so the page reads one row instead
            // of counting millions. rebuild_portal_totals() recounts from scratch (used here and after a bulk load).
            migrationBuilder.Sql("""
                CREATE TABLE portal_totals (
                    id integer PRIMARY KEY CHECK (id = 1),
                    institutions bigint NOT NULL,
                    agreements bigint NOT NULL,
                    activities bigint NOT NULL);

                CREATE FUNCTION rebuild_portal_totals() RETURNS void LANGUAGE sql AS $$
                    INSERT INTO portal_totals (id, institutions, agreements, activities)
                    SELECT 1,
                           (SELECT count(*) FROM organisations WHERE type = 'Institution'),
                           (SELECT count(*) FROM agreements WHERE NOT is_archived),
                           (SELECT count(*) FROM activities WHERE NOT is_archived)
                    ON CONFLICT (id) DO UPDATE SET institutions = EXCLUDED.institutions, agreements = EXCLUDED.agreements,
                                                   activities = EXCLUDED.activities;
                $$;

                CREATE FUNCTION count_portal_totals() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    was integer := 0;
                    now integer := 0;
                BEGIN
                    IF TG_TABLE_NAME = 'organisations' THEN
                        IF TG_OP <> 'INSERT' AND OLD.type = 'Institution' THEN was := 1; END IF;
                        IF TG_OP <> 'DELETE' AND NEW.type = 'Institution' THEN now := 1; END IF;
                        UPDATE portal_totals SET institutions = institutions + now - was WHERE id = 1 AND now <> was;
                    ELSE
                        IF TG_OP <> 'INSERT' AND NOT OLD.is_archived THEN was := 1; END IF;
                        IF TG_OP <> 'DELETE' AND NOT NEW.is_archived THEN now := 1; END IF;
                        IF TG_TABLE_NAME = 'agreements' THEN
                            UPDATE portal_totals SET agreements = agreements + now - was WHERE id = 1 AND now <> was;
                        ELSE
                            UPDATE portal_totals SET activities = activities + now - was WHERE id = 1 AND now <> was;
                        END IF;
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER organisations_count_totals AFTER INSERT OR DELETE OR UPDATE OF type ON organisations
                    FOR EACH ROW EXECUTE FUNCTION count_portal_totals();
                CREATE TRIGGER agreements_count_totals AFTER INSERT OR DELETE OR UPDATE OF is_archived ON agreements
                    FOR EACH ROW EXECUTE FUNCTION count_portal_totals();
                CREATE TRIGGER activities_count_totals AFTER INSERT OR DELETE OR UPDATE OF is_archived ON activities
                    FOR EACH ROW EXECUTE FUNCTION count_portal_totals();

                SELECT rebuild_portal_totals();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER activities_count_totals ON activities;
                DROP TRIGGER agreements_count_totals ON agreements;
                DROP TRIGGER organisations_count_totals ON organisations;
                DROP FUNCTION count_portal_totals();
                DROP FUNCTION rebuild_portal_totals();
                DROP TABLE portal_totals;
                DROP TRIGGER alliances_access_keys_changed ON alliances;
                DROP TRIGGER agreements_access_keys_changed ON agreements;
                DROP FUNCTION owner_access_keys_changed();
                DROP TRIGGER activities_copy_access_keys ON activities;
                DROP FUNCTION activities_copy_access_keys();
                """);

            migrationBuilder.DropIndex(
                name: "ix_agreements_effective_from_id",
                table: "agreements");

            migrationBuilder.DropIndex(
                name: "ix_activities_access_keys",
                table: "activities");

            migrationBuilder.DropIndex(
                name: "ix_activities_starts_on_id",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "access_keys",
                table: "activities");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_effective_from",
                table: "agreements",
                column: "effective_from");

            migrationBuilder.CreateIndex(
                name: "ix_activities_starts_on",
                table: "activities",
                column: "starts_on");
        }
    }
}
