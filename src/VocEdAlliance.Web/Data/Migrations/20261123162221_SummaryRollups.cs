using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VocEdAlliance.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SummaryRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The country-wide summaries, pre-aggregated and exact: see docs/benchmarks.md ("Summary rollups").
            migrationBuilder.Sql("""
                -- Summary rollups (see docs/benchmarks.md, "Summary rollups"). Every figure is kept once for the whole country (scope
                -- '*') and once for each region key (r:43, r:4301, r:430181) under which the record is visible: a bureau holds exactly
                -- one such key, so its summaries are its scope's cells, and never include a record outside its jurisdiction. The
                -- by-alliance figures are kept for the country only (per region they would be most of the table's size).
                CREATE TABLE summary_cells (
                    scope text NOT NULL,                      -- '*' or a region access key
                    view text NOT NULL,                       -- 'agreements' | 'place' | 'alliance' | 'trend'
                    provinces text NOT NULL DEFAULT '',       -- the agreement's provinces, '31,52'; '-' for an activity without agreement
                    alliance_id uuid NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000',
                    status text NOT NULL DEFAULT '',
                    year int NOT NULL DEFAULT 0,
                    kind text NOT NULL DEFAULT '',
                    n bigint NOT NULL DEFAULT 0,
                    teachers bigint NOT NULL DEFAULT 0,
                    students bigint NOT NULL DEFAULT 0,
                    trainees bigint NOT NULL DEFAULT 0,
                    amount numeric NOT NULL DEFAULT 0,
                    support_n bigint NOT NULL DEFAULT 0,
                    support_amount numeric NOT NULL DEFAULT 0,
                    last_on date NULL,
                    CONSTRAINT pk_summary_cells PRIMARY KEY (scope, view, provinces, alliance_id, status, year, kind));

                -- What each owner (an agreement with its activities, or an alliance with the activities recorded on it alone) adds to
                -- the cells: an agreement row (kind '') and one row per group of its activities. place_scopes: the region keys of the
                -- agreement (where it and its placed activities count); activity_scopes: the region keys of the activities (where the
                -- by-alliance and by-year figures count them).
                CREATE TABLE summary_ledger (
                    owner_id uuid NOT NULL,
                    place_scopes text[] NOT NULL,
                    activity_scopes text[] NOT NULL,
                    provinces text NOT NULL,
                    alliance_id uuid NOT NULL,
                    status text NOT NULL,
                    year int NOT NULL,
                    kind text NOT NULL,
                    n bigint NOT NULL,
                    teachers bigint NOT NULL,
                    students bigint NOT NULL,
                    trainees bigint NOT NULL,
                    amount numeric NOT NULL,
                    support_n bigint NOT NULL,
                    support_amount numeric NOT NULL,
                    last_on date NULL);
                CREATE INDEX ix_summary_ledger_owner_id ON summary_ledger (owner_id);
                CREATE INDEX ix_summary_ledger_alliance ON summary_ledger (alliance_id, year, kind) WHERE kind <> '';

                -- Owners whose records changed since their contribution was last counted.
                CREATE TABLE summary_pending (owner_id uuid PRIMARY KEY);

                -- The region keys among access keys, in order.
                CREATE FUNCTION summary_region_keys(keys text[]) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
                    SELECT COALESCE(array_agg(k ORDER BY k), '{}') FROM unnest(keys) AS k WHERE k LIKE 'r:%'
                $$;

                -- What the given owners (all when NULL) contribute now. Mirrors SummaryReport's path from the records: current (not
                -- archived) agreements placed by their parties' provinces; activities not archived, of a current agreement or of an
                -- alliance alone; an activity's alliance is its own, else its agreement's; support counts East->West by the giving and
                -- receiving parties' provinces.
                CREATE FUNCTION summary_contributions(owners uuid[]) RETURNS TABLE (
                    owner_id uuid, place_scopes text[], activity_scopes text[], provinces text, alliance_id uuid, status text, year int,
                    kind text, n bigint, teachers bigint, students bigint, trainees bigint, amount numeric, support_n bigint,
                    support_amount numeric, last_on date)
                LANGUAGE plpgsql STABLE AS $$
                #variable_conflict use_column
                BEGIN
                    RETURN QUERY
                    WITH ag AS (
                        SELECT g.id, g.status::text AS status, COALESCE(g.alliance_id, '00000000-0000-0000-0000-000000000000') AS alliance_id,
                               summary_region_keys(g.access_keys) AS scopes,
                               COALESCE((SELECT string_agg(DISTINCT substr(k, 3), ',' ORDER BY substr(k, 3))
                                         FROM unnest(g.access_keys) AS k WHERE k ~ '^r:[0-9]{2}$'), '') AS provinces
                        FROM agreements g
                        WHERE NOT g.is_archived AND (owners IS NULL OR g.id = ANY (owners))),
                    act AS (
                        SELECT COALESCE(a.agreement_id, a.alliance_id) AS owner_id,
                               COALESCE(ag.scopes, '{}') AS place_scopes, summary_region_keys(a.access_keys) AS activity_scopes,
                               COALESCE(ag.provinces, '-') AS provinces,
                               COALESCE(a.alliance_id, ag.alliance_id) AS alliance_id,
                               date_part('year', a.starts_on)::int AS year, a.kind::text AS kind, a.starts_on,
                               COALESCE(a.teachers, 0) AS teachers, COALESCE(a.students, 0) AS students,
                               COALESCE(a.trainees, 0) AS trainees, COALESCE(a.amount_cny, 0) AS amount,
                               CASE WHEN a.kind IN ('FinancialSupport', 'EquipmentDonation') AND a.agreement_id IS NOT NULL
                                         AND a.giver_organisation_id IS NOT NULL AND a.receiver_organisation_id IS NOT NULL
                                    THEN (SELECT r.macro_zone FROM agreement_parties p JOIN regions r ON r.code = substr(p.region_code, 1, 2) || '0000'
                                          WHERE p.agreement_id = a.agreement_id AND p.organisation_id = a.giver_organisation_id LIMIT 1) = 'East'
                                     AND (SELECT r.macro_zone FROM agreement_parties p JOIN regions r ON r.code = substr(p.region_code, 1, 2) || '0000'
                                          WHERE p.agreement_id = a.agreement_id AND p.organisation_id = a.receiver_organisation_id LIMIT 1) = 'West'
                                    ELSE false END AS support
                        FROM activities a
                        LEFT JOIN ag ON ag.id = a.agreement_id
                        WHERE NOT a.is_archived AND (a.agreement_id IS NULL OR ag.id IS NOT NULL)
                          AND (owners IS NULL OR a.agreement_id = ANY (owners) OR (a.agreement_id IS NULL AND a.alliance_id = ANY (owners))))
                    SELECT ag.id, ag.scopes, ag.scopes, ag.provinces, ag.alliance_id, ag.status, 0, '', 1::bigint, 0::bigint, 0::bigint,
                           0::bigint, 0::numeric, 0::bigint, 0::numeric, NULL::date
                    FROM ag
                    UNION ALL
                    SELECT act.owner_id, act.place_scopes, act.activity_scopes, act.provinces, act.alliance_id, '', act.year, act.kind,
                           count(*), sum(act.teachers), sum(act.students), sum(act.trainees), sum(act.amount),
                           count(*) FILTER (WHERE act.support), COALESCE(sum(act.amount) FILTER (WHERE act.support), 0), max(act.starts_on)
                    FROM act
                    GROUP BY act.owner_id, act.place_scopes, act.activity_scopes, act.provinces, act.alliance_id, act.year, act.kind;
                END $$;

                -- The cells the ledger rows of the given owners (all when NULL) make, signed: 1 to add, -1 to take back; in the
                -- country's scope and in each of their region keys'.
                CREATE FUNCTION summary_ledger_cells(sign int, owners uuid[]) RETURNS TABLE (
                    scope text, view text, provinces text, alliance_id uuid, status text, year int, kind text, n bigint, teachers bigint,
                    students bigint, trainees bigint, amount numeric, support_n bigint, support_amount numeric, last_on date)
                LANGUAGE plpgsql STABLE AS $$
                #variable_conflict use_column
                BEGIN
                    RETURN QUERY
                    SELECT s.scope, 'agreements', l.provinces, l.alliance_id, l.status, 0, '', (sign * sum(l.n))::bigint, 0, 0, 0, 0, 0, 0, NULL::date
                    FROM summary_ledger l CROSS JOIN LATERAL unnest('{*}' || l.place_scopes) AS s (scope)
                    WHERE l.kind = '' AND (owners IS NULL OR l.owner_id = ANY (owners))
                    GROUP BY s.scope, l.provinces, l.alliance_id, l.status
                    UNION ALL
                    SELECT s.scope, 'place', l.provinces, '00000000-0000-0000-0000-000000000000', '', l.year, l.kind, (sign * sum(l.n))::bigint,
                           (sign * sum(l.teachers))::bigint, (sign * sum(l.students))::bigint, (sign * sum(l.trainees))::bigint, sign * sum(l.amount),
                           (sign * sum(l.support_n))::bigint, sign * sum(l.support_amount), NULL::date
                    FROM summary_ledger l CROSS JOIN LATERAL unnest('{*}' || l.place_scopes) AS s (scope)
                    WHERE l.kind <> '' AND l.provinces <> '-' AND (owners IS NULL OR l.owner_id = ANY (owners))
                    GROUP BY s.scope, l.provinces, l.year, l.kind
                    UNION ALL
                    SELECT '*', 'alliance', '', l.alliance_id, '', l.year, l.kind, (sign * sum(l.n))::bigint, (sign * sum(l.teachers))::bigint,
                           (sign * sum(l.students))::bigint, (sign * sum(l.trainees))::bigint, sign * sum(l.amount), 0, 0, CASE WHEN sign > 0 THEN max(l.last_on) END
                    FROM summary_ledger l
                    WHERE l.kind <> '' AND l.alliance_id <> '00000000-0000-0000-0000-000000000000' AND (owners IS NULL OR l.owner_id = ANY (owners))
                    GROUP BY l.alliance_id, l.year, l.kind
                    UNION ALL
                    SELECT s.scope, 'trend', '', '00000000-0000-0000-0000-000000000000', '', l.year, l.kind, (sign * sum(l.n))::bigint, 0, 0, 0, 0, 0, 0, NULL::date
                    FROM summary_ledger l CROSS JOIN LATERAL unnest('{*}' || l.activity_scopes) AS s (scope)
                    WHERE l.kind <> '' AND (owners IS NULL OR l.owner_id = ANY (owners))
                    GROUP BY s.scope, l.year, l.kind;
                END $$;

                -- Adds (sign 1) or takes back (sign -1) the ledger rows of the given owners to or from the cells.
                CREATE FUNCTION summary_apply_ledger(sign int, owners uuid[]) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO summary_cells AS c SELECT * FROM summary_ledger_cells(sign, owners)
                    ON CONFLICT (scope, view, provinces, alliance_id, status, year, kind) DO UPDATE SET
                        n = c.n + excluded.n, teachers = c.teachers + excluded.teachers, students = c.students + excluded.students,
                        trainees = c.trainees + excluded.trainees, amount = c.amount + excluded.amount, support_n = c.support_n + excluded.support_n,
                        support_amount = c.support_amount + excluded.support_amount,
                        last_on = CASE WHEN excluded.last_on IS NULL THEN c.last_on ELSE GREATEST(c.last_on, excluded.last_on) END
                $$;

                -- Recounts the given owners: takes back what they added, works out what they add now, adds it.
                CREATE FUNCTION summary_recount(owners uuid[]) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    taken_alliances uuid[];
                    taken_years int[];
                    taken_kinds text[];
                BEGIN
                    SELECT array_agg(t.alliance_id), array_agg(t.year), array_agg(t.kind) INTO taken_alliances, taken_years, taken_kinds
                    FROM (SELECT DISTINCT l.alliance_id, l.year, l.kind FROM summary_ledger l
                          WHERE l.owner_id = ANY (owners) AND l.kind <> '' AND l.alliance_id <> '00000000-0000-0000-0000-000000000000') t;
                    PERFORM summary_apply_ledger(-1, owners);
                    DELETE FROM summary_ledger WHERE owner_id = ANY (owners);
                    INSERT INTO summary_ledger SELECT * FROM summary_contributions(owners);
                    PERFORM summary_apply_ledger(1, owners);
                    -- The latest activity of an alliance cell may have been the one taken back: ask the ledger again.
                    IF taken_alliances IS NOT NULL THEN
                        UPDATE summary_cells c SET last_on = (
                            SELECT max(l.last_on) FROM summary_ledger l
                            WHERE l.alliance_id = c.alliance_id AND l.year = c.year AND l.kind = c.kind AND l.kind <> '')
                        FROM unnest(taken_alliances, taken_years, taken_kinds) AS t (alliance_id, year, kind)
                        WHERE c.scope = '*' AND c.view = 'alliance' AND c.provinces = '' AND c.status = ''
                          AND c.alliance_id = t.alliance_id AND c.year = t.year AND c.kind = t.kind;
                    END IF;
                END $$;

                -- Brings the cells up to date with every committed change (called before the cells are read). Serialised by an
                -- advisory lock, so two readers never recount the same owner at once.
                CREATE FUNCTION summary_catch_up() RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    owners uuid[];
                BEGIN
                    IF NOT EXISTS (SELECT 1 FROM summary_pending) THEN
                        RETURN;
                    END IF;
                    PERFORM pg_advisory_xact_lock(7301052);
                    WITH taken AS (DELETE FROM summary_pending RETURNING owner_id) SELECT array_agg(owner_id) INTO owners FROM taken;
                    IF owners IS NOT NULL THEN
                        PERFORM summary_recount(owners);
                    END IF;
                END $$;

                -- Counts everything again from the records (after a bulk load with triggers off, and when this migration runs).
                -- Builds the cells' key after the rows are in (much faster than keeping it up to date row by row), with memory to
                -- group millions of rows without spilling to disk.
                CREATE FUNCTION rebuild_summary_cells() RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(7301052);
                    TRUNCATE summary_cells, summary_ledger, summary_pending;
                    ALTER TABLE summary_cells DROP CONSTRAINT pk_summary_cells;
                    INSERT INTO summary_ledger SELECT * FROM summary_contributions(NULL);
                    INSERT INTO summary_cells SELECT * FROM summary_ledger_cells(1, NULL);
                    ALTER TABLE summary_cells ADD CONSTRAINT pk_summary_cells PRIMARY KEY (scope, view, provinces, alliance_id, status, year, kind);
                END $$;

                -- Every change to a record the summaries count marks its owner for recounting, in the same transaction.
                CREATE FUNCTION summary_mark_pending() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'activities' THEN
                        IF TG_OP <> 'INSERT' THEN
                            INSERT INTO summary_pending VALUES (COALESCE(OLD.agreement_id, OLD.alliance_id)) ON CONFLICT DO NOTHING;
                        END IF;
                        IF TG_OP <> 'DELETE' THEN
                            INSERT INTO summary_pending VALUES (COALESCE(NEW.agreement_id, NEW.alliance_id)) ON CONFLICT DO NOTHING;
                        END IF;
                    ELSIF TG_TABLE_NAME = 'agreements' THEN
                        INSERT INTO summary_pending VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END) ON CONFLICT DO NOTHING;
                    ELSE -- agreement_parties
                        INSERT INTO summary_pending VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.agreement_id ELSE NEW.agreement_id END) ON CONFLICT DO NOTHING;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER activities_mark_summary AFTER INSERT OR UPDATE OR DELETE ON activities
                    FOR EACH ROW EXECUTE FUNCTION summary_mark_pending();
                CREATE TRIGGER agreements_mark_summary AFTER INSERT OR UPDATE OR DELETE ON agreements
                    FOR EACH ROW EXECUTE FUNCTION summary_mark_pending();
                CREATE TRIGGER agreement_parties_mark_summary AFTER INSERT OR UPDATE OR DELETE ON agreement_parties
                    FOR EACH ROW EXECUTE FUNCTION summary_mark_pending();

                SELECT rebuild_summary_cells();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER agreement_parties_mark_summary ON agreement_parties;
                DROP TRIGGER agreements_mark_summary ON agreements;
                DROP TRIGGER activities_mark_summary ON activities;
                DROP FUNCTION summary_mark_pending();
                DROP FUNCTION rebuild_summary_cells();
                DROP FUNCTION summary_catch_up();
                DROP FUNCTION summary_recount(uuid[]);
                DROP FUNCTION summary_apply_ledger(int, uuid[]);
                DROP FUNCTION summary_ledger_cells(int, uuid[]);
                DROP FUNCTION summary_contributions(uuid[]);
                DROP FUNCTION summary_region_keys(text[]);
                DROP TABLE summary_pending;
                DROP TABLE summary_ledger;
                DROP TABLE summary_cells;
                """);
        }
    }
}
