-- Migration 4: screening tools as used, screenings and their answers.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- Screening tool versions as used. A version is never changed, so a screening keeps the exact
-- tool it was done with; a new version is a new row.
CREATE TABLE screening_tools (
    id          INTEGER PRIMARY KEY,
    tool_id     TEXT NOT NULL CHECK (length(tool_id) BETWEEN 1 AND 48),
    version     INTEGER NOT NULL CHECK (version >= 1),
    definition  TEXT NOT NULL CHECK (length(definition) <= 200000),
    shipped     INTEGER NOT NULL DEFAULT 0 CHECK (shipped IN (0, 1)),
    added_by    INTEGER REFERENCES users(id),
    added_at    TEXT NOT NULL,
    UNIQUE (tool_id, version)
);

CREATE TRIGGER screening_tools_no_update BEFORE UPDATE ON screening_tools
BEGIN
    SELECT RAISE(ABORT, 'a screening tool version is never changed');
END;

-- A screening of a client (or of the person on a hotline contact who is not yet a client).
CREATE TABLE screenings (
    id                   INTEGER PRIMARY KEY,
    agency_id            INTEGER NOT NULL REFERENCES agencies(id),
    client_id            INTEGER REFERENCES clients(id),
    contact_id           INTEGER REFERENCES contacts(id),
    tool                 INTEGER NOT NULL REFERENCES screening_tools(id),
    screened_by          INTEGER NOT NULL REFERENCES users(id),
    confidentiality      INTEGER NOT NULL CHECK (confidentiality = 1),
    language             TEXT NOT NULL CHECK (length(language) <= 16),
    interpreter          TEXT NOT NULL CHECK (interpreter IN ('yes', 'no', 'declined', 'unknown')),
    minor                TEXT NOT NULL CHECK (minor IN ('yes', 'no', 'unknown')),
    started_at           TEXT NOT NULL,
    closed_at            TEXT,
    completeness         TEXT CHECK (completeness IN ('complete', 'incomplete', 'indicators_incomplete')),
    level                TEXT CHECK (length(level) <= 48),
    reported_to          TEXT NOT NULL DEFAULT '[]'
                         CHECK (json_valid(reported_to) AND length(reported_to) <= 100),
    reported_at          TEXT,
    not_reported_reason  TEXT CHECK (length(not_reported_reason) <= 300),
    CHECK (client_id IS NOT NULL OR contact_id IS NOT NULL)
);
CREATE INDEX screenings_client ON screenings(client_id);
CREATE INDEX screenings_contact ON screenings(contact_id);

-- Every answer given, in order; the latest for an item is its answer now. Earlier ones stay.
CREATE TABLE screening_answers (
    id            INTEGER PRIMARY KEY,
    screening_id  INTEGER NOT NULL REFERENCES screenings(id),
    item          TEXT NOT NULL CHECK (length(item) <= 48),
    answer        TEXT NOT NULL CHECK (answer IN ('yes', 'no', 'declined', 'unknown', 'skipped',
                  'not_applicable')),
    source        TEXT NOT NULL CHECK (source IN ('said', 'observed', 'records')),
    note          TEXT CHECK (length(note) <= 1000),
    answered_by   INTEGER NOT NULL REFERENCES users(id),
    answered_at   TEXT NOT NULL
);
CREATE INDEX screening_answers_item ON screening_answers(screening_id, item, id);

CREATE TRIGGER screening_answers_no_update BEFORE UPDATE ON screening_answers
BEGIN
    SELECT RAISE(ABORT, 'screening answers are never overwritten');
END;
