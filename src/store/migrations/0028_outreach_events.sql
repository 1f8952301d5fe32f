-- Migration 28: the agency's log of training and outreach events (OVC's trafficking measures
-- ask how many, for whom, and how many people were reached). No client is named in it.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE TABLE outreach_events (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    day         TEXT NOT NULL CHECK (length(day) = 10),
    kind        TEXT NOT NULL CHECK (kind IN ('training', 'outreach')),
    audience    TEXT NOT NULL CHECK (audience IN ('law_enforcement', 'prosecutors_courts',
                'victim_services', 'health_care', 'social_services', 'schools', 'youth',
                'tribal', 'faith', 'business', 'community', 'other')),
    reached     INTEGER NOT NULL CHECK (reached BETWEEN 0 AND 100000),
    area        TEXT,
    topic       TEXT CHECK (topic IS NULL OR length(topic) <= 120),
    logged_by   INTEGER NOT NULL REFERENCES users(id),
    logged_at   TEXT NOT NULL,
    updated_by  INTEGER REFERENCES users(id),
    updated_at  TEXT
);
CREATE INDEX outreach_events_by_day ON outreach_events(agency_id, day, id);
