-- Summaries read model, version 2 (applied by migration SummaryRulesV2; see docs/summaries.md for every rule in words).
-- A released version is never edited: a change of a rule is a new file (V003_…) and a new migration that applies it.
-- This version replaces every object of version 1 (migration SummaryRollups) except summary_pending and its triggers.
--
-- The rules (docs/summaries.md):
--   * current records only: an archived agreement is withdrawn with its activities; archived activities count nowhere.
--   * an agreement counts in every region where it has a party (its region keys r:43, r:4301, r:430181…).
--   * an activity counts where its agreement counts; an activity recorded on an alliance alone counts in the regions
--     of the alliance's members (the activity's own region keys: every member the alliance has had).
--   * an agreement is "signed" in the year it takes effect (effective_from) and "in force" from then until it ended
--     (the earlier of its termination and its end date); drafts and agreements awaiting confirmation are never in force.
--   * East→West support: every activity of an agreement that records a giver, a receiver and an amount, whatever its
--     kind, when the giving party is in an Eastern province and the receiving party in a Western one.
--   * an activity's alliance is its own, else its agreement's.

DROP FUNCTION IF EXISTS rebuild_summary_cells();
DROP FUNCTION IF EXISTS summary_catch_up();
DROP FUNCTION IF EXISTS summary_recount(uuid[]);
DROP FUNCTION IF EXISTS summary_apply_ledger(int, uuid[]);
DROP FUNCTION IF EXISTS summary_ledger_cells(int, uuid[]);
DROP FUNCTION IF EXISTS summary_contributions(uuid[]);
DROP TABLE IF EXISTS summary_cells;
DROP TABLE IF EXISTS summary_ledger;
DROP TABLE IF EXISTS summary_version;

-- What each owner (an agreement with its activities, or an alliance with the activities recorded on it alone)
-- contributes: one agreement row (kind '') and one row per group of its activities.
--   place_scopes  the region keys where the row counts (the agreement's, or the alliance activity's own)
--   provinces     the 2-digit provinces among them, '43,52' ('' when none)
--   year          agreements: the year it took effect; activities: the year the activity started
--   until_year    agreements: the year it ended (9999 while open-ended); activities: 0
CREATE TABLE summary_ledger (
    owner_id uuid NOT NULL,
    place_scopes text[] NOT NULL,
    provinces text NOT NULL,
    alliance_id uuid NOT NULL,
    status text NOT NULL,
    year int NOT NULL,
    until_year int NOT NULL,
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
CREATE INDEX ix_summary_ledger_alliance_id ON summary_ledger (alliance_id) WHERE alliance_id <> '00000000-0000-0000-0000-000000000000';

-- The ledger added up for the whole country (scope '*') and for every region key: a bureau holds exactly one such key,
-- so its summaries are its scope's cells and never include a record placed outside its jurisdiction.
CREATE TABLE summary_cells (
    scope text NOT NULL,
    view text NOT NULL,                       -- see summary_ledger_cells
    provinces text NOT NULL,                  -- the provinces ('43,52'), or one province or zone in the trends by place
    status text NOT NULL,
    year int NOT NULL,
    until_year int NOT NULL,
    kind text NOT NULL,
    n bigint NOT NULL,
    teachers bigint NOT NULL,
    students bigint NOT NULL,
    trainees bigint NOT NULL,
    amount numeric NOT NULL,
    support_n bigint NOT NULL,
    support_amount numeric NOT NULL,
    CONSTRAINT pk_summary_cells PRIMARY KEY (scope, view, kind, year, provinces, status, until_year));

-- The 2-digit provinces among region keys, sorted and comma-separated.
CREATE OR REPLACE FUNCTION summary_provinces(keys text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT COALESCE(string_agg(DISTINCT substr(k, 3), ',' ORDER BY substr(k, 3)), '') FROM unnest(keys) AS k WHERE k ~ '^r:[0-9]{2}$'
$$;

-- What the given owners (all when NULL) contribute now: the one definition of every summary figure.
CREATE FUNCTION summary_contributions(owners uuid[]) RETURNS TABLE (
    owner_id uuid, place_scopes text[], provinces text, alliance_id uuid, status text, year int, until_year int, kind text,
    n bigint, teachers bigint, students bigint, trainees bigint, amount numeric, support_n bigint, support_amount numeric,
    last_on date)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH ag AS (
        SELECT g.id, g.status::text AS status, COALESCE(g.alliance_id, '00000000-0000-0000-0000-000000000000') AS alliance_id,
               summary_region_keys(g.access_keys) AS scopes, summary_provinces(g.access_keys) AS provinces,
               date_part('year', g.effective_from)::int AS year,
               COALESCE(date_part('year', LEAST(g.terminated_on, g.effective_to))::int, 9999) AS until_year
        FROM agreements g
        WHERE NOT g.is_archived AND (owners IS NULL OR g.id = ANY (owners))),
    act AS (
        SELECT COALESCE(a.agreement_id, a.alliance_id) AS owner_id,
               CASE WHEN a.agreement_id IS NULL THEN summary_region_keys(a.access_keys) ELSE ag.scopes END AS place_scopes,
               CASE WHEN a.agreement_id IS NULL THEN summary_provinces(a.access_keys) ELSE ag.provinces END AS provinces,
               COALESCE(a.alliance_id, ag.alliance_id) AS alliance_id,
               date_part('year', a.starts_on)::int AS year, a.kind::text AS kind, a.starts_on,
               COALESCE(a.teachers, 0) AS teachers, COALESCE(a.students, 0) AS students,
               COALESCE(a.trainees, 0) AS trainees, COALESCE(a.amount_cny, 0) AS amount,
               CASE WHEN a.agreement_id IS NOT NULL AND a.giver_organisation_id IS NOT NULL
                         AND a.receiver_organisation_id IS NOT NULL AND COALESCE(a.amount_cny, 0) > 0
                    THEN (SELECT r.macro_zone FROM agreement_parties p JOIN regions r ON r.code = substr(p.region_code, 1, 2) || '0000'
                          WHERE p.agreement_id = a.agreement_id AND p.organisation_id = a.giver_organisation_id LIMIT 1) = 'East'
                     AND (SELECT r.macro_zone FROM agreement_parties p JOIN regions r ON r.code = substr(p.region_code, 1, 2) || '0000'
                          WHERE p.agreement_id = a.agreement_id AND p.organisation_id = a.receiver_organisation_id LIMIT 1) = 'West'
                    ELSE false END AS support
        FROM activities a
        LEFT JOIN ag ON ag.id = a.agreement_id
        WHERE NOT a.is_archived AND (a.agreement_id IS NULL OR ag.id IS NOT NULL)
          AND (owners IS NULL OR a.agreement_id = ANY (owners) OR (a.agreement_id IS NULL AND a.alliance_id = ANY (owners))))
    SELECT ag.id, ag.scopes, ag.provinces, ag.alliance_id, ag.status, ag.year, ag.until_year, '', 1::bigint, 0::bigint, 0::bigint,
           0::bigint, 0::numeric, 0::bigint, 0::numeric, NULL::date
    FROM ag
    UNION ALL
    SELECT act.owner_id, act.place_scopes, act.provinces, act.alliance_id, '', act.year, 0, act.kind,
           count(*), sum(act.teachers), sum(act.students), sum(act.trainees), sum(act.amount),
           count(*) FILTER (WHERE act.support), COALESCE(sum(act.amount) FILTER (WHERE act.support), 0), max(act.starts_on)
    FROM act
    GROUP BY act.owner_id, act.place_scopes, act.provinces, act.alliance_id, act.year, act.kind;
END $$;

-- The cells the ledger rows of the given owners (all when NULL) make, signed: 1 to add, -1 to take back. Each view
-- answers one shape of question with a few thousand rows at most (the filters read only the view they need):
--   agreements        by provinces, status, year taken effect (year) and year ended (until_year): the year filters
--   agreement_totals  by provinces and status: no year filter
--   activities        by provinces, year and kind: a kind filter
--   activities_year   by provinces and year: a year filter without a kind
--   activity_totals   by provinces: neither
--   trend             by year and kind (provinces ''): the trends without a province or zone filter
--   province_trend    by province (one, in provinces), year and kind: the trends of one province
--   zone_trend        by zone (East, Central, West in provinces), year and kind: the trends of one zone
--                     (these two for the country and the provinces only: a prefecture's or a county's activity cells
--                     are few enough to narrow as they are read)
CREATE FUNCTION summary_ledger_cells(sign int, owners uuid[]) RETURNS TABLE (
    scope text, view text, provinces text, status text, year int, until_year int, kind text, n bigint, teachers bigint,
    students bigint, trainees bigint, amount numeric, support_n bigint, support_amount numeric)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH l AS MATERIALIZED (
        SELECT s.scope, l.provinces, l.status, l.year, l.until_year, l.kind, sum(l.n) AS n, sum(l.teachers) AS teachers,
               sum(l.students) AS students, sum(l.trainees) AS trainees, sum(l.amount) AS amount, sum(l.support_n) AS support_n,
               sum(l.support_amount) AS support_amount
        FROM summary_ledger l CROSS JOIN LATERAL unnest('{*}' || l.place_scopes) AS s (scope)
        WHERE owners IS NULL OR l.owner_id = ANY (owners)
        GROUP BY 1, 2, 3, 4, 5, 6),
    places AS (
        -- Where the trends of one province or one zone count a row: each of its provinces, each of its zones, once.
        SELECT DISTINCT l.provinces, v.view, CASE WHEN v.view = 'province_trend' THEN p.code ELSE r.macro_zone::text END AS place
        FROM (SELECT DISTINCT provinces FROM l WHERE kind <> '' AND provinces <> '') l
        CROSS JOIN LATERAL unnest(string_to_array(l.provinces, ',')) AS p (code)
        JOIN regions r ON r.code = p.code || '0000'
        CROSS JOIN (VALUES ('province_trend'), ('zone_trend')) AS v (view)),
    cells AS (
        SELECT l.scope, v.view,
               CASE WHEN v.view = 'trend' THEN '' ELSE l.provinces END AS provinces,
               CASE WHEN v.view IN ('agreements', 'agreement_totals') THEN l.status ELSE '' END AS status,
               CASE WHEN v.view IN ('agreements', 'activities', 'activities_year', 'trend') THEN l.year ELSE 0 END AS year,
               CASE WHEN v.view = 'agreements' THEN l.until_year ELSE 0 END AS until_year,
               CASE WHEN v.view IN ('activities', 'trend') THEN l.kind ELSE '' END AS kind,
               l.n, l.teachers, l.students, l.trainees, l.amount, l.support_n, l.support_amount
        FROM l JOIN (VALUES ('agreements', true), ('agreement_totals', true), ('activities', false), ('activities_year', false),
                            ('activity_totals', false), ('trend', false)) AS v (view, of_agreements) ON v.of_agreements = (l.kind = '')
        UNION ALL
        SELECT l.scope, p.view, p.place, '', l.year, 0, l.kind, l.n, l.teachers, l.students, l.trainees, l.amount, l.support_n, l.support_amount
        FROM l JOIN places p ON p.provinces = l.provinces
        WHERE l.kind <> '' AND length(l.scope) <= 4)
    SELECT c.scope, c.view, c.provinces, c.status, c.year, c.until_year, c.kind,
           (sign * sum(c.n))::bigint, (sign * sum(c.teachers))::bigint, (sign * sum(c.students))::bigint,
           (sign * sum(c.trainees))::bigint, sign * sum(c.amount), (sign * sum(c.support_n))::bigint, sign * sum(c.support_amount)
    FROM cells c
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
END $$;

-- Adds (sign 1) or takes back (sign -1) the ledger rows of the given owners to or from the cells.
CREATE FUNCTION summary_apply_ledger(sign int, owners uuid[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO summary_cells AS c SELECT * FROM summary_ledger_cells(sign, owners)
    ON CONFLICT (scope, view, kind, year, provinces, status, until_year) DO UPDATE SET
        n = c.n + excluded.n, teachers = c.teachers + excluded.teachers, students = c.students + excluded.students,
        trainees = c.trainees + excluded.trainees, amount = c.amount + excluded.amount, support_n = c.support_n + excluded.support_n,
        support_amount = c.support_amount + excluded.support_amount
$$;

-- Recounts the given owners: takes back what they added, works out what they add now, adds it (a cell that went back
-- to nothing stays, at zero; readers skip it, a rebuild drops it).
CREATE FUNCTION summary_recount(owners uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM summary_apply_ledger(-1, owners);
    DELETE FROM summary_ledger WHERE owner_id = ANY (owners);
    INSERT INTO summary_ledger SELECT * FROM summary_contributions(owners);
    PERFORM summary_apply_ledger(1, owners);
END $$;

-- A number that grows whenever what the summaries show may have changed: every recount, and every change to an
-- alliance or its members (names, member counts and places shown beside the figures). A cached summary is keyed by it,
-- so it is never served once anything it shows has changed.
CREATE TABLE summary_version (id int PRIMARY KEY CHECK (id = 1), n bigint NOT NULL);
INSERT INTO summary_version VALUES (1, 1);

CREATE FUNCTION summary_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE summary_version SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER alliances_bump_summary_version AFTER INSERT OR UPDATE OR DELETE ON alliances
    FOR EACH STATEMENT EXECUTE FUNCTION summary_bump_version();
CREATE TRIGGER alliance_members_bump_summary_version AFTER INSERT OR UPDATE OR DELETE ON alliance_members
    FOR EACH STATEMENT EXECUTE FUNCTION summary_bump_version();

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
    -- The version first: a writer changing an alliance holds its row until it commits, and waiting for it here, before
    -- any pending row is taken, cannot deadlock with that writer marking an owner pending.
    UPDATE summary_version SET n = n + 1 WHERE id = 1;
    WITH taken AS (DELETE FROM summary_pending RETURNING owner_id) SELECT array_agg(owner_id) INTO owners FROM taken;
    IF owners IS NOT NULL THEN
        PERFORM summary_recount(owners);
    END IF;
END $$;

-- Catches up, then says which version of the summaries that is.
CREATE FUNCTION summary_current_version() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    PERFORM summary_catch_up();
    RETURN (SELECT n FROM summary_version WHERE id = 1);
END $$;

-- Counts everything again from the records (after a bulk load with triggers off, and when a version is applied). The
-- same cells as summary_ledger_cells(1, NULL) (SummaryRollupTests compares them), built coarse from fine: the finest
-- views from the ledger, each coarser view from a finer one, and the key once the rows are in.
CREATE FUNCTION rebuild_summary_cells() RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(7301052);
    TRUNCATE summary_cells, summary_ledger, summary_pending;
    UPDATE summary_version SET n = n + 1 WHERE id = 1;
    ALTER TABLE summary_cells DROP CONSTRAINT pk_summary_cells;
    INSERT INTO summary_ledger SELECT * FROM summary_contributions(NULL);
    INSERT INTO summary_cells
    SELECT s.scope, CASE WHEN l.kind = '' THEN 'agreements' ELSE 'activities' END, l.provinces, l.status, l.year, l.until_year, l.kind,
           sum(l.n), sum(l.teachers), sum(l.students), sum(l.trainees), sum(l.amount), sum(l.support_n), sum(l.support_amount)
    FROM summary_ledger l CROSS JOIN LATERAL unnest('{*}' || l.place_scopes) AS s (scope)
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
    CREATE TEMPORARY TABLE fine ON COMMIT DROP AS SELECT * FROM summary_cells;
    INSERT INTO summary_cells
    SELECT scope, 'agreement_totals', provinces, status, 0, 0, '', sum(n), sum(teachers), sum(students), sum(trainees), sum(amount),
           sum(support_n), sum(support_amount)
    FROM fine WHERE view = 'agreements' GROUP BY scope, provinces, status;
    CREATE TEMPORARY TABLE by_year ON COMMIT DROP AS
    SELECT scope, 'activities_year'::text AS view, provinces, ''::text AS status, year, 0 AS until_year, ''::text AS kind, sum(n) AS n,
           sum(teachers) AS teachers, sum(students) AS students, sum(trainees) AS trainees, sum(amount) AS amount,
           sum(support_n) AS support_n, sum(support_amount) AS support_amount
    FROM fine WHERE view = 'activities' GROUP BY scope, provinces, year;
    INSERT INTO summary_cells SELECT * FROM by_year;
    INSERT INTO summary_cells
    SELECT scope, 'activity_totals', provinces, '', 0, 0, '', sum(n), sum(teachers), sum(students), sum(trainees), sum(amount),
           sum(support_n), sum(support_amount)
    FROM by_year GROUP BY scope, provinces;
    INSERT INTO summary_cells
    SELECT scope, 'trend', '', '', year, 0, kind, sum(n), sum(teachers), sum(students), sum(trainees), sum(amount),
           sum(support_n), sum(support_amount)
    FROM fine WHERE view = 'activities' GROUP BY scope, year, kind;
    INSERT INTO summary_cells
    SELECT f.scope, p.view, p.place, '', f.year, 0, f.kind, sum(f.n), sum(f.teachers), sum(f.students), sum(f.trainees), sum(f.amount),
           sum(f.support_n), sum(f.support_amount)
    FROM fine f
    JOIN (SELECT DISTINCT l.provinces, v.view, CASE WHEN v.view = 'province_trend' THEN c.code ELSE r.macro_zone::text END AS place
          FROM (SELECT DISTINCT provinces FROM fine WHERE view = 'activities' AND provinces <> '') l
          CROSS JOIN LATERAL unnest(string_to_array(l.provinces, ',')) AS c (code)
          JOIN regions r ON r.code = c.code || '0000'
          CROSS JOIN (VALUES ('province_trend'), ('zone_trend')) AS v (view)) p ON p.provinces = f.provinces
    WHERE f.view = 'activities' AND length(f.scope) <= 4
    GROUP BY 1, 2, 3, 5, 7;
    ALTER TABLE summary_cells ADD CONSTRAINT pk_summary_cells PRIMARY KEY (scope, view, kind, year, provinces, status, until_year);
END $$;

SELECT rebuild_summary_cells();
