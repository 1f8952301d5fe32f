-- Migration 18: daily rollups for the hotline report, kept by triggers, with the views that
-- recount them from the rows; filled here from the contacts already logged. The report no
-- longer reads contacts, so their wide report index goes.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- The hotline report's daily rollups, kept by triggers in the same transaction as every write
-- to contacts (insert, edit, import, delete), so a ten-year report reads a few thousand days
-- rather than a million contacts. Days are America/Denver days (`intake_local_day`, a function
-- every intake connection registers). `contact_day_recount` counts the same thing from the
-- rows: `intake check` compares the two, and so do the tests.
CREATE TABLE contact_day_counts (
    agency_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (agency_id, day, field, value)
) WITHOUT ROWID;

-- Who called on each day, by the first 64 bits of the caller's keyed hash (random, so they
-- tell callers apart), for the count of distinct callers over any period.
CREATE TABLE contact_day_callers (
    agency_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    caller     TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (agency_id, day, caller)
) WITHOUT ROWID;

-- What each contact adds to its day: a row per (field, value). The recount, the catch-up after
-- a bulk import and `intake check` read this; the triggers below restate it for NEW and OLD,
-- because a trigger cannot pass its row to a view.
CREATE VIEW contact_day_rows (id, agency_id, day, field, value) AS
    SELECT id, agency_id, intake_local_day(started_at), 'all', '' FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'channel', channel FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'direction', direction
        FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'incoming', channel FROM contacts
        WHERE direction = 'incoming'
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'caller_type', caller_type
        FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'language', language
        FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'anonymous', '' FROM contacts
        WHERE caller_hash IS NULL
    UNION ALL SELECT c.id, c.agency_id, intake_local_day(c.started_at), 'outcome', j.value
        FROM contacts c, json_each(c.outcomes) j;

CREATE VIEW contact_day_recount (agency_id, day, field, value, n) AS
SELECT agency_id, day, field, value, count(*) FROM contact_day_rows
GROUP BY agency_id, day, field, value;

CREATE VIEW contact_day_callers_recount (agency_id, day, caller, n) AS
SELECT agency_id, intake_local_day(started_at), substr(caller_hash, 1, 16), count(*)
FROM contacts WHERE caller_hash IS NOT NULL
GROUP BY 1, 2, 3;

-- A bulk import drops this trigger inside its transaction, adds its rows' counts at once and
-- creates the trigger again from its own text before it commits (`store::rollups::Bulk`).
CREATE TRIGGER contacts_rollup_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contact_day_counts (agency_id, day, field, value, n)
    SELECT new.agency_id, intake_local_day(new.started_at), f, v, 1 FROM (
        SELECT 'all' AS f, '' AS v
        UNION ALL SELECT 'channel', new.channel
        UNION ALL SELECT 'direction', new.direction
        UNION ALL SELECT 'incoming', new.channel WHERE new.direction = 'incoming'
        UNION ALL SELECT 'caller_type', new.caller_type
        UNION ALL SELECT 'language', new.language
        UNION ALL SELECT 'anonymous', '' WHERE new.caller_hash IS NULL
        UNION ALL SELECT 'outcome', value FROM json_each(new.outcomes)
    ) WHERE true
    ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contact_day_callers (agency_id, day, caller, n)
    SELECT new.agency_id, intake_local_day(new.started_at), substr(new.caller_hash, 1, 16), 1
    WHERE new.caller_hash IS NOT NULL
    ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER contacts_rollup_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contact_day_counts (agency_id, day, field, value, n)
    SELECT old.agency_id, intake_local_day(old.started_at), f, v, -1 FROM (
        SELECT 'all' AS f, '' AS v
        UNION ALL SELECT 'channel', old.channel
        UNION ALL SELECT 'direction', old.direction
        UNION ALL SELECT 'incoming', old.channel WHERE old.direction = 'incoming'
        UNION ALL SELECT 'caller_type', old.caller_type
        UNION ALL SELECT 'language', old.language
        UNION ALL SELECT 'anonymous', '' WHERE old.caller_hash IS NULL
        UNION ALL SELECT 'outcome', value FROM json_each(old.outcomes)
    ) WHERE true
    ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n;
    DELETE FROM contact_day_counts
    WHERE agency_id = old.agency_id AND day = intake_local_day(old.started_at) AND n = 0;
    INSERT INTO contact_day_callers (agency_id, day, caller, n)
    SELECT old.agency_id, intake_local_day(old.started_at), substr(old.caller_hash, 1, 16), -1
    WHERE old.caller_hash IS NOT NULL
    ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n;
    DELETE FROM contact_day_callers
    WHERE agency_id = old.agency_id AND day = intake_local_day(old.started_at) AND n = 0;
END;

CREATE TRIGGER contacts_rollup_update
AFTER UPDATE OF agency_id, started_at, channel, direction, caller_type, language, outcomes,
    caller_hash ON contacts
BEGIN
    INSERT INTO contact_day_counts (agency_id, day, field, value, n)
    SELECT old.agency_id, intake_local_day(old.started_at), f, v, -1 FROM (
        SELECT 'all' AS f, '' AS v
        UNION ALL SELECT 'channel', old.channel
        UNION ALL SELECT 'direction', old.direction
        UNION ALL SELECT 'incoming', old.channel WHERE old.direction = 'incoming'
        UNION ALL SELECT 'caller_type', old.caller_type
        UNION ALL SELECT 'language', old.language
        UNION ALL SELECT 'anonymous', '' WHERE old.caller_hash IS NULL
        UNION ALL SELECT 'outcome', value FROM json_each(old.outcomes)
    ) WHERE true
    ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contact_day_callers (agency_id, day, caller, n)
    SELECT old.agency_id, intake_local_day(old.started_at), substr(old.caller_hash, 1, 16), -1
    WHERE old.caller_hash IS NOT NULL
    ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contact_day_counts (agency_id, day, field, value, n)
    SELECT new.agency_id, intake_local_day(new.started_at), f, v, 1 FROM (
        SELECT 'all' AS f, '' AS v
        UNION ALL SELECT 'channel', new.channel
        UNION ALL SELECT 'direction', new.direction
        UNION ALL SELECT 'incoming', new.channel WHERE new.direction = 'incoming'
        UNION ALL SELECT 'caller_type', new.caller_type
        UNION ALL SELECT 'language', new.language
        UNION ALL SELECT 'anonymous', '' WHERE new.caller_hash IS NULL
        UNION ALL SELECT 'outcome', value FROM json_each(new.outcomes)
    ) WHERE true
    ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contact_day_callers (agency_id, day, caller, n)
    SELECT new.agency_id, intake_local_day(new.started_at), substr(new.caller_hash, 1, 16), 1
    WHERE new.caller_hash IS NOT NULL
    ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n;
    DELETE FROM contact_day_counts WHERE n = 0 AND agency_id IN (old.agency_id, new.agency_id)
        AND day IN (intake_local_day(old.started_at), intake_local_day(new.started_at));
    DELETE FROM contact_day_callers WHERE n = 0 AND agency_id IN (old.agency_id, new.agency_id)
        AND day IN (intake_local_day(old.started_at), intake_local_day(new.started_at));
END;

INSERT INTO contact_day_counts (agency_id, day, field, value, n)
SELECT agency_id, day, field, value, n FROM contact_day_recount;
INSERT INTO contact_day_callers (agency_id, day, caller, n)
SELECT agency_id, day, caller, n FROM contact_day_callers_recount;

DROP INDEX contacts_report;
