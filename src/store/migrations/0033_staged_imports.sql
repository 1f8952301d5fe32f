-- Migration 33: a big import is written in short transactions and made visible at once.
-- Its rows carry the import's id; readers read `contacts_shown` and `tips_shown`, which leave
-- out the rows of an import still under way; the rollups count them when it ends.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE TABLE imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('contact', 'tip')),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    user_id      INTEGER NOT NULL REFERENCES users(id),
    pid          INTEGER NOT NULL,
    pid_started  INTEGER,
    started_at   TEXT NOT NULL CHECK (length(started_at) = 20)
);
CREATE TABLE import_day_counts (
    import_id  INTEGER NOT NULL,
    agency_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (import_id, agency_id, day, field, value)
) WITHOUT ROWID;
CREATE TABLE import_day_callers (
    import_id  INTEGER NOT NULL,
    agency_id  INTEGER NOT NULL,
    day        TEXT NOT NULL,
    caller     TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (import_id, agency_id, day, caller)
) WITHOUT ROWID;
ALTER TABLE contacts ADD COLUMN import_id INTEGER;
ALTER TABLE tips ADD COLUMN import_id INTEGER;
-- The lists' indexes carry the import too, so that a page skips an import's rows (and an
-- offset skips rows) on the index alone, without reading each row.
DROP INDEX contacts_by_time;
CREATE INDEX contacts_by_time ON contacts(agency_id, started_at DESC, id DESC, import_id);
DROP INDEX contacts_by_caller;
CREATE INDEX contacts_by_caller ON contacts(agency_id, caller_hash, started_at DESC, import_id)
    WHERE caller_hash IS NOT NULL;
DROP INDEX tips_by_time;
CREATE INDEX tips_by_time ON tips(received_at DESC, id DESC, import_id);
DROP INDEX tips_referred;
CREATE INDEX tips_referred ON tips(referred_to, received_at DESC, import_id);
CREATE INDEX contacts_import ON contacts(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX tips_import ON tips(import_id) WHERE import_id IS NOT NULL;
CREATE VIEW contacts_shown AS
SELECT * FROM contacts WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
CREATE VIEW tips_shown AS
SELECT * FROM tips WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);

DROP VIEW contact_day_callers_recount;
DROP VIEW contact_day_recount;
DROP VIEW contact_day_rows;
CREATE VIEW contact_day_rows (id, agency_id, day, field, value) AS
    SELECT id, agency_id, intake_local_day(started_at), 'all', '' FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'channel', channel FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'direction', direction
        FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'incoming', channel FROM contacts_shown
        WHERE direction = 'incoming'
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'caller_type', caller_type
        FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'language', language
        FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'anonymous', '' FROM contacts_shown
        WHERE caller_hash IS NULL
    UNION ALL SELECT c.id, c.agency_id, intake_local_day(c.started_at), 'outcome', j.value
        FROM contacts_shown c, json_each(c.outcomes) j
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'area', area FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'trafficking_type',
        trafficking_type FROM contacts_shown
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'minor', minor FROM contacts_shown
    UNION ALL SELECT c.id, c.agency_id, intake_local_day(c.started_at), 'topic', j.value
        FROM contacts_shown c, json_each(c.topics) j
    UNION ALL SELECT c.id, c.agency_id, intake_local_day(c.started_at), 'reported_to', j.value
        FROM contacts_shown c, json_each(c.reported_to) j;

CREATE VIEW contact_day_recount (agency_id, day, field, value, n) AS
SELECT agency_id, day, field, value, count(*) FROM contact_day_rows
GROUP BY agency_id, day, field, value;

CREATE VIEW contact_day_callers_recount (agency_id, day, caller, n) AS
SELECT agency_id, intake_local_day(started_at), substr(caller_hash, 1, 16), count(*)
FROM contacts_shown WHERE caller_hash IS NOT NULL
GROUP BY 1, 2, 3;

DROP TRIGGER contacts_rollup_insert;
DROP TRIGGER contacts_rollup_delete;
DROP TRIGGER contacts_rollup_update;
CREATE TRIGGER contacts_rollup_insert AFTER INSERT ON contacts WHEN new.import_id IS NULL BEGIN
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
        UNION ALL SELECT 'area', new.area
        UNION ALL SELECT 'trafficking_type', new.trafficking_type
        UNION ALL SELECT 'minor', new.minor
        UNION ALL SELECT 'topic', value FROM json_each(new.topics)
        UNION ALL SELECT 'reported_to', value FROM json_each(new.reported_to)
    ) WHERE true
    ON CONFLICT (agency_id, day, field, value) DO UPDATE SET n = n + excluded.n;
    INSERT INTO contact_day_callers (agency_id, day, caller, n)
    SELECT new.agency_id, intake_local_day(new.started_at), substr(new.caller_hash, 1, 16), 1
    WHERE new.caller_hash IS NOT NULL
    ON CONFLICT (agency_id, day, caller) DO UPDATE SET n = n + excluded.n;
END;

CREATE TRIGGER contacts_rollup_delete AFTER DELETE ON contacts
WHEN old.import_id IS NULL OR old.import_id NOT IN (SELECT id FROM imports)
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
        UNION ALL SELECT 'area', old.area
        UNION ALL SELECT 'trafficking_type', old.trafficking_type
        UNION ALL SELECT 'minor', old.minor
        UNION ALL SELECT 'topic', value FROM json_each(old.topics)
        UNION ALL SELECT 'reported_to', value FROM json_each(old.reported_to)
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
    caller_hash, area, trafficking_type, minor, topics, reported_to ON contacts
WHEN old.import_id IS NULL OR old.import_id NOT IN (SELECT id FROM imports)
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
        UNION ALL SELECT 'area', old.area
        UNION ALL SELECT 'trafficking_type', old.trafficking_type
        UNION ALL SELECT 'minor', old.minor
        UNION ALL SELECT 'topic', value FROM json_each(old.topics)
        UNION ALL SELECT 'reported_to', value FROM json_each(old.reported_to)
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
        UNION ALL SELECT 'area', new.area
        UNION ALL SELECT 'trafficking_type', new.trafficking_type
        UNION ALL SELECT 'minor', new.minor
        UNION ALL SELECT 'topic', value FROM json_each(new.topics)
        UNION ALL SELECT 'reported_to', value FROM json_each(new.reported_to)
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
