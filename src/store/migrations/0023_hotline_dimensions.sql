-- Migration 23: the hotline rollups count the county or tribal nation, trafficking type,
-- minors, topics and reports made too; the triggers and the recount learn them, and the
-- contacts already logged are counted for them once.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

DROP VIEW contact_day_recount;
DROP VIEW contact_day_rows;
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
        FROM contacts c, json_each(c.outcomes) j
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'area', area FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'trafficking_type',
        trafficking_type FROM contacts
    UNION ALL SELECT id, agency_id, intake_local_day(started_at), 'minor', minor FROM contacts
    UNION ALL SELECT c.id, c.agency_id, intake_local_day(c.started_at), 'topic', j.value
        FROM contacts c, json_each(c.topics) j
    UNION ALL SELECT c.id, c.agency_id, intake_local_day(c.started_at), 'reported_to', j.value
        FROM contacts c, json_each(c.reported_to) j;

CREATE VIEW contact_day_recount (agency_id, day, field, value, n) AS
SELECT agency_id, day, field, value, count(*) FROM contact_day_rows
GROUP BY agency_id, day, field, value;

DROP TRIGGER contacts_rollup_insert;
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
DROP TRIGGER contacts_rollup_delete;
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
DROP TRIGGER contacts_rollup_update;
CREATE TRIGGER contacts_rollup_update
AFTER UPDATE OF agency_id, started_at, channel, direction, caller_type, language, outcomes,
    caller_hash, area, trafficking_type, minor, topics, reported_to ON contacts
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

INSERT INTO contact_day_counts (agency_id, day, field, value, n)
SELECT agency_id, day, field, value, count(*) FROM contact_day_rows
WHERE field IN ('area', 'trafficking_type', 'minor', 'topic', 'reported_to')
GROUP BY agency_id, day, field, value;
