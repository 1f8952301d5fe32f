-- Migration 3: clients, case records, services and case notes.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- People an agency serves. Pseudonymous by default; legal name, phone and address optional.
CREATE TABLE clients (
    id               INTEGER PRIMARY KEY,
    agency_id        INTEGER NOT NULL REFERENCES agencies(id),
    created_by       INTEGER NOT NULL REFERENCES users(id),
    assigned_to      INTEGER REFERENCES users(id),
    external_ref     TEXT CHECK (length(external_ref) <= 64),
    chosen_name      TEXT NOT NULL CHECK (length(chosen_name) BETWEEN 1 AND 60),
    name_key         TEXT NOT NULL,
    initials_key     TEXT NOT NULL,
    birth_date       TEXT CHECK (birth_date IS NULL OR length(birth_date) = 10),
    age              INTEGER CHECK (age BETWEEN 0 AND 120),
    age_range        TEXT CHECK (length(age_range) <= 16),
    legal_name       TEXT CHECK (length(legal_name) <= 120),
    phone            TEXT CHECK (length(phone) <= 32),
    address          TEXT CHECK (length(address) <= 200),
    gender           TEXT NOT NULL CHECK (length(gender) <= 24),
    race             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(race) AND length(race) <= 300),
    citizenship      TEXT NOT NULL CHECK (citizenship IN ('us_citizen', 'lpr', 'foreign_national',
                     'declined', 'unknown')),
    disability       TEXT NOT NULL CHECK (disability IN ('yes', 'no', 'declined', 'unknown')),
    language         TEXT NOT NULL CHECK (length(language) <= 16),
    interpreter      TEXT NOT NULL CHECK (interpreter IN ('yes', 'no', 'declined', 'unknown')),
    area             TEXT NOT NULL CHECK (length(area) <= 64),
    trafficking_type TEXT NOT NULL CHECK (trafficking_type IN ('sex', 'labour', 'both',
                     'undetermined')),
    referral_source  TEXT NOT NULL CHECK (length(referral_source) <= 24),
    danger           TEXT NOT NULL CHECK (danger IN ('yes', 'no', 'declined', 'unknown')),
    safety           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(safety) AND length(safety) <= 300),
    needs            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(needs) AND length(needs) <= 400),
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_hold', 'closed')),
    intake_on        TEXT NOT NULL CHECK (length(intake_on) = 10),
    last_activity    TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX clients_by_activity ON clients(agency_id, last_activity DESC, id DESC);
CREATE INDEX clients_by_name ON clients(agency_id, name_key);
CREATE UNIQUE INDEX clients_external_ref ON clients(agency_id, external_ref)
    WHERE external_ref IS NOT NULL;

CREATE TABLE client_history (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    changed_by  INTEGER NOT NULL REFERENCES users(id),
    changed_at  TEXT NOT NULL,
    previous    TEXT NOT NULL CHECK (json_valid(previous))
);
CREATE INDEX client_history_client ON client_history(client_id);

-- Every status a case has had: opening, holds, closing with its reason, reopening.
CREATE TABLE client_status (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    status      TEXT NOT NULL CHECK (status IN ('open', 'on_hold', 'closed')),
    reason      TEXT CHECK (length(reason) <= 300),
    on_date     TEXT NOT NULL CHECK (length(on_date) = 10),
    changed_by  INTEGER NOT NULL REFERENCES users(id),
    changed_at  TEXT NOT NULL
);
CREATE INDEX client_status_client ON client_status(client_id);

-- Two records that may be one person, linked rather than merged.
CREATE TABLE client_links (
    a          INTEGER NOT NULL REFERENCES clients(id),
    b          INTEGER NOT NULL REFERENCES clients(id),
    linked_by  INTEGER NOT NULL REFERENCES users(id),
    linked_at  TEXT NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
);

CREATE TABLE services (
    id            INTEGER PRIMARY KEY,
    client_id     INTEGER NOT NULL REFERENCES clients(id),
    agency_id     INTEGER NOT NULL REFERENCES agencies(id),
    service_type  TEXT NOT NULL CHECK (length(service_type) <= 32),
    voca_family   TEXT NOT NULL CHECK (voca_family IN ('information_referral', 'personal_advocacy',
                  'emotional_safety', 'shelter_housing', 'justice_assistance')),
    delivered_on  TEXT NOT NULL CHECK (length(delivered_on) = 10),
    staff_id      INTEGER NOT NULL REFERENCES users(id),
    minutes       INTEGER CHECK (minutes BETWEEN 0 AND 1440),
    notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    created_at    TEXT NOT NULL
);
CREATE INDEX services_client ON services(client_id, delivered_on DESC);

-- Case notes are never overwritten: an edit adds a version.
CREATE TABLE case_notes (
    id          INTEGER PRIMARY KEY,
    client_id   INTEGER NOT NULL REFERENCES clients(id),
    agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    created_by  INTEGER NOT NULL REFERENCES users(id),
    created_at  TEXT NOT NULL
);
CREATE INDEX case_notes_client ON case_notes(client_id);

CREATE TABLE case_note_versions (
    id          INTEGER PRIMARY KEY,
    note_id     INTEGER NOT NULL REFERENCES case_notes(id),
    version     INTEGER NOT NULL,
    body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    written_by  INTEGER NOT NULL REFERENCES users(id),
    written_at  TEXT NOT NULL,
    UNIQUE (note_id, version)
);

CREATE TRIGGER case_note_versions_no_update BEFORE UPDATE ON case_note_versions
BEGIN
    SELECT RAISE(ABORT, 'case note versions are never overwritten');
END;

ALTER TABLE contacts ADD COLUMN client_id INTEGER REFERENCES clients(id);
CREATE INDEX contacts_client ON contacts(client_id);

-- Drafts now also keep client, service and note forms: the table is rebuilt with its rows.
CREATE TABLE drafts_before_3 AS SELECT * FROM drafts;
DROP TABLE drafts;
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    form        TEXT NOT NULL CHECK (form IN ('contact', 'tip', 'client', 'service', 'note')),
    record_id   INTEGER,
    payload     TEXT NOT NULL CHECK (json_valid(payload) AND length(payload) <= 100000),
    updated_at  TEXT NOT NULL
);
INSERT INTO drafts SELECT * FROM drafts_before_3;
DROP TABLE drafts_before_3;
CREATE UNIQUE INDEX drafts_one_per_form ON drafts(user_id, form, coalesce(record_id, 0));
