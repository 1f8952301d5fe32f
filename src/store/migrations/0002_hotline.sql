-- Migration 2: the hotline log, tips, drafts and the caller-identifier secret.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- The database's own secret for caller identifiers (HMAC key), made with the database.
CREATE TABLE secrets (
    name   TEXT PRIMARY KEY CHECK (name IN ('caller_hmac')),
    value  BLOB NOT NULL CHECK (length(value) = 32)
);
INSERT INTO secrets (name, value) VALUES ('caller_hmac', randomblob(32));

-- What a user has typed on a form and not yet saved, kept as they type.
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    form        TEXT NOT NULL CHECK (form IN ('contact', 'tip')),
    record_id   INTEGER,
    payload     TEXT NOT NULL CHECK (json_valid(payload) AND length(payload) <= 100000),
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX drafts_one_per_form ON drafts(user_id, form, coalesce(record_id, 0));

CREATE TABLE contacts (
    id                   INTEGER PRIMARY KEY,
    agency_id            INTEGER NOT NULL REFERENCES agencies(id),
    created_by           INTEGER NOT NULL REFERENCES users(id),
    channel              TEXT NOT NULL
                         CHECK (channel IN ('call', 'text', 'chat', 'email', 'walk_in', 'outreach')),
    direction            TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
    started_at           TEXT NOT NULL CHECK (length(started_at) = 20),
    duration_min         INTEGER CHECK (duration_min BETWEEN 0 AND 1440),
    caller_type          TEXT NOT NULL CHECK (caller_type IN ('possible_victim', 'family_friend',
                         'community', 'professional', 'anonymous', 'declined', 'unknown')),
    caller_hash          TEXT CHECK (length(caller_hash) = 64),
    caller_last2         TEXT CHECK (length(caller_last2) <= 2),
    language             TEXT NOT NULL CHECK (length(language) <= 16),
    interpreter          TEXT NOT NULL CHECK (interpreter IN ('yes', 'no', 'declined', 'unknown')),
    area                 TEXT NOT NULL CHECK (length(area) <= 64),
    topics               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(topics) AND length(topics) <= 400),
    trafficking_type     TEXT NOT NULL
                         CHECK (trafficking_type IN ('sex', 'labour', 'both', 'none', 'unknown')),
    minor                TEXT NOT NULL CHECK (minor IN ('yes', 'no', 'declined', 'unknown')),
    outcomes             TEXT NOT NULL DEFAULT '[]'
                         CHECK (json_valid(outcomes) AND length(outcomes) <= 200),
    reported_to          TEXT NOT NULL DEFAULT '[]'
                         CHECK (json_valid(reported_to) AND length(reported_to) <= 100),
    reported_at          TEXT CHECK (reported_at IS NULL OR length(reported_at) = 20),
    not_reported_reason  TEXT CHECK (length(not_reported_reason) <= 300),
    follow_up            INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),
    follow_up_on         TEXT CHECK (follow_up_on IS NULL OR length(follow_up_on) = 10),
    notes                TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);
CREATE INDEX contacts_by_time ON contacts(agency_id, started_at DESC, id DESC);
CREATE INDEX contacts_follow_up ON contacts(agency_id, follow_up, follow_up_on);

-- The values a contact had before each edit (JSON of the form's fields), never overwritten.
CREATE TABLE contact_history (
    id          INTEGER PRIMARY KEY,
    contact_id  INTEGER NOT NULL REFERENCES contacts(id),
    changed_by  INTEGER NOT NULL REFERENCES users(id),
    changed_at  TEXT NOT NULL,
    previous    TEXT NOT NULL CHECK (json_valid(previous))
);
CREATE INDEX contact_history_contact ON contact_history(contact_id);

CREATE TABLE tips (
    id             INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    created_by     INTEGER NOT NULL REFERENCES users(id),
    source         TEXT NOT NULL CHECK (source IN ('ncmec', 'nhth', 'cyfd', 'public',
                   'law_enforcement', 'other_agency', 'self')),
    reference      TEXT CHECK (length(reference) <= 64),
    received_at    TEXT NOT NULL CHECK (length(received_at) = 20),
    category       TEXT NOT NULL CHECK (category IN ('csam', 'enticement', 'child_sex_trafficking',
                   'travel_to_meet_child', 'child_sex_tourism', 'obscene_material',
                   'misleading_domain', 'adult_sex_trafficking', 'adult_labour_trafficking',
                   'other')),
    children       INTEGER CHECK (children BETWEEN 0 AND 999),
    area           TEXT NOT NULL CHECK (length(area) <= 64),
    status         TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'closed')),
    closed_reason  TEXT CHECK (length(closed_reason) <= 300),
    assigned_to    INTEGER REFERENCES users(id),
    referred_to    INTEGER REFERENCES agencies(id),
    notes          TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX tips_by_time ON tips(received_at DESC, id DESC);
CREATE INDEX tips_referred ON tips(referred_to, received_at DESC);

CREATE TABLE tip_history (
    id          INTEGER PRIMARY KEY,
    tip_id      INTEGER NOT NULL REFERENCES tips(id),
    changed_by  INTEGER NOT NULL REFERENCES users(id),
    changed_at  TEXT NOT NULL,
    previous    TEXT NOT NULL CHECK (json_valid(previous))
);
CREATE INDEX tip_history_tip ON tip_history(tip_id);
