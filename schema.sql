-- intake: the whole current schema.
-- A new database is created from this file; older files are brought here by the numbered
-- migrations in src/store/migrate.rs. A test proves both paths give the same schema.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ'. Every table about a person carries agency_id.

CREATE TABLE agencies (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE
                CHECK (length(name) BETWEEN 1 AND 120),
    kind        TEXT NOT NULL DEFAULT 'service_provider'
                CHECK (kind IN ('service_provider', 'law_enforcement', 'government')),
    created_at  TEXT NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    agency_id     INTEGER NOT NULL REFERENCES agencies(id),
    username      TEXT NOT NULL UNIQUE
                  CHECK (length(username) BETWEEN 2 AND 32 AND username = lower(username)),
    display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    role          TEXT NOT NULL
                  CHECK (role IN ('admin', 'supervisor', 'advocate', 'intake', 'law_enforcement')),
    pin_hash      TEXT NOT NULL CHECK (length(pin_hash) <= 256),
    pin_temporary INTEGER NOT NULL DEFAULT 0 CHECK (pin_temporary IN (0, 1)),
    lang          TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Failed PIN attempts, shared by every process on this database. Keyed by the name that was
-- typed, known or not, so that an unknown name behaves exactly like a known one.
CREATE TABLE login_failures (
    username      TEXT PRIMARY KEY CHECK (length(username) <= 64),
    consecutive   INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT,
    last_failure  TEXT NOT NULL
);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    source      TEXT NOT NULL CHECK (length(source) <= 80),
    started_at  TEXT NOT NULL,
    ended_at    TEXT,
    end_reason  TEXT CHECK (end_reason IN ('logout', 'quit', 'switch_user', 'closed')),
    -- The process the session runs in (each SSH session is its own process).
    pid         INTEGER
);
-- The sessions still open, by process (a console ends those whose process died).
CREATE INDEX sessions_open ON sessions(pid) WHERE ended_at IS NULL;

CREATE TABLE settings (
    key    TEXT PRIMARY KEY CHECK (key IN ('idle_lock_minutes')),
    value  TEXT NOT NULL CHECK (length(value) <= 64)
);

-- Append-only and hash-chained: hash = SHA-256(prev_hash || this row's fields).
-- Holds who, when, from where, what kind of event, which record and the outcome; never content.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    user_id     INTEGER,
    session_id  INTEGER,
    source      TEXT NOT NULL CHECK (length(source) <= 80),
    event       TEXT NOT NULL CHECK (length(event) <= 64),
    record_id   TEXT CHECK (length(record_id) <= 64),
    outcome     TEXT NOT NULL CHECK (length(outcome) <= 32),
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- A trim of the audit log: the rows up to `through_id` were removed; the hash and time of the
-- last of them are kept, so the chain is verified from here on, signed with a key derived from
-- the database's own secret. Never changed or deleted.
CREATE TABLE audit_checkpoints (
    id          INTEGER PRIMARY KEY,
    through_id  INTEGER NOT NULL,
    last_hash   TEXT NOT NULL CHECK (length(last_hash) = 64),
    last_at     TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    made_at     TEXT NOT NULL,
    signature   TEXT NOT NULL CHECK (length(signature) = 64)
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are never changed');
END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
    SELECT RAISE(ABORT, 'audit checkpoints are never deleted');
END;

-- Only rows behind a checkpoint may go.
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > coalesce((SELECT max(through_id) FROM audit_checkpoints), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE INDEX users_agency ON users(agency_id);
CREATE INDEX sessions_user ON sessions(user_id);

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
    form        TEXT NOT NULL CHECK (form IN ('contact', 'tip', 'client', 'service', 'note',
                'referral', 'referral_contact', 'dir_service')),
    record_id   INTEGER,
    payload     TEXT NOT NULL CHECK (json_valid(payload) AND length(payload) <= 100000),
    updated_at  TEXT NOT NULL,
    -- The session it was typed in: one user's two sessions never share a draft.
    session_id  INTEGER REFERENCES sessions(id),
    -- Set when another session took the draft over: the row is then only a mark (its payload
    -- emptied) that stops this session keeping or saving the form; it goes when the session ends.
    taken_by    INTEGER REFERENCES sessions(id)
);
CREATE UNIQUE INDEX drafts_one_per_form
    ON drafts(user_id, form, coalesce(record_id, 0), coalesce(session_id, 0));

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
    updated_at           TEXT NOT NULL,
    client_id            INTEGER REFERENCES clients(id),
    -- When a purge removed its identifying text and narrative; its coded facts stay.
    purged_at TEXT CHECK (purged_at IS NULL OR length(purged_at) = 20),
    -- Migration 33: the import that brought it in (see `imports`); NULL when typed.
    import_id INTEGER
);
CREATE INDEX contacts_by_time ON contacts(agency_id, started_at DESC, id DESC, import_id);
CREATE INDEX contacts_follow_up ON contacts(agency_id, follow_up, follow_up_on);
-- Repeat callers, by the keyed hash of their number.
CREATE INDEX contacts_by_caller ON contacts(agency_id, caller_hash, started_at DESC, import_id)
    WHERE caller_hash IS NOT NULL;

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
                   'misleading_domain', 'misleading_words_images', 'child_sexual_molestation',
                   'adult_sex_trafficking', 'adult_labour_trafficking', 'other')),
    children       INTEGER CHECK (children BETWEEN 0 AND 999),
    area           TEXT NOT NULL CHECK (length(area) <= 64),
    status         TEXT NOT NULL CHECK (status IN ('new', 'assigned', 'in_progress', 'closed')),
    closed_reason  TEXT CHECK (length(closed_reason) <= 300),
    assigned_to    INTEGER REFERENCES users(id),
    referred_to    INTEGER REFERENCES agencies(id),
    notes          TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    purged_at TEXT CHECK (purged_at IS NULL OR length(purged_at) = 20),
    -- NCMEC's annotations beside the category (sextortion, ...).
    annotations TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(annotations) AND length(annotations) <= 200),
    -- Migration 33: the import that brought it in (see `imports`); NULL when typed.
    import_id INTEGER
);
CREATE INDEX tips_by_time ON tips(received_at DESC, id DESC, import_id);
CREATE INDEX tips_referred ON tips(referred_to, received_at DESC, import_id);

CREATE TABLE tip_history (
    id          INTEGER PRIMARY KEY,
    tip_id      INTEGER NOT NULL REFERENCES tips(id),
    changed_by  INTEGER NOT NULL REFERENCES users(id),
    changed_at  TEXT NOT NULL,
    previous    TEXT NOT NULL CHECK (json_valid(previous))
);
CREATE INDEX tip_history_tip ON tip_history(tip_id);

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
    updated_at       TEXT NOT NULL,
    -- When a purge removed the person's identifying text; the coded facts stay. Why: the
    -- schedule, or an erasure (at their request, for their safety, or made in error).
    purged_at TEXT CHECK (purged_at IS NULL OR length(purged_at) = 20),
    purge_reason TEXT
    CHECK (purge_reason IS NULL OR purge_reason IN ('schedule', 'request', 'safety', 'error')),
    -- The VOCA PMT's other victimizations and special classifications (NULL: not asked, the
    -- record is older than the questions).
    victimizations TEXT
    CHECK (victimizations IS NULL OR (json_valid(victimizations) AND length(victimizations) <= 600)),
    classifications TEXT
    CHECK (classifications IS NULL OR (json_valid(classifications) AND length(classifications) <= 300)),
    -- Family members served alongside the person.
    family_served INTEGER
    CHECK (family_served IS NULL OR family_served BETWEEN 0 AND 50),
    -- Migration 34: the import that brought it in (see `imports`); NULL when typed.
    import_id INTEGER
);
CREATE INDEX clients_by_activity ON clients(agency_id, last_activity DESC, id DESC, import_id);
CREATE INDEX clients_by_name ON clients(agency_id, name_key);
CREATE UNIQUE INDEX clients_external_ref ON clients(agency_id, external_ref)
    WHERE external_ref IS NOT NULL;

-- Clients found by any word of their chosen name (or its start) or their initials, accents
-- folded, through a full-text index the triggers keep in step with the rows (migration 15);
-- the legal name is in it too, searched only by the roles that see it (migration 17).
CREATE VIRTUAL TABLE clients_search USING fts5(
    name_key, initials_key, legal_name,
    content = 'clients', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_search (rowid, name_key, initials_key, legal_name)
    VALUES (new.id, new.name_key, new.initials_key, new.legal_name);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_search (clients_search, rowid, name_key, initials_key, legal_name)
    VALUES ('delete', old.id, old.name_key, old.initials_key, old.legal_name);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF name_key, initials_key, legal_name ON clients
BEGIN
    INSERT INTO clients_search (clients_search, rowid, name_key, initials_key, legal_name)
    VALUES ('delete', old.id, old.name_key, old.initials_key, old.legal_name);
    INSERT INTO clients_search (rowid, name_key, initials_key, legal_name)
    VALUES (new.id, new.name_key, new.initials_key, new.legal_name);
END;

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
    changed_at  TEXT NOT NULL,
    -- On closing: why, and where the person lives then, coded.
    closure_reason TEXT CHECK (length(closure_reason) <= 32),
    living_situation TEXT CHECK (length(living_situation) <= 32)
);
CREATE INDEX client_status_client ON client_status(client_id);

-- Immigration relief as dated case events: coded, no free text.
CREATE TABLE client_relief (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    kind         TEXT NOT NULL CHECK (kind IN ('cp_requested', 'cp_granted', 't_visa_applied',
                 't_visa_granted', 'hhs_eligibility', 'hhs_certification')),
    on_date      TEXT NOT NULL CHECK (length(on_date) = 10),
    recorded_by  INTEGER NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL
);
CREATE INDEX client_relief_client ON client_relief(client_id);
CREATE INDEX client_relief_report ON client_relief(agency_id, on_date);

-- Training and outreach events: how many, for whom, how many people reached.
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
    created_at    TEXT NOT NULL,
    -- Migration 34: the import that brought it in (see `imports`); NULL when typed.
    import_id INTEGER
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

CREATE INDEX contacts_client ON contacts(client_id);

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
    -- Whether the level reached finds indicators (domain::screening::Status); NULL while open.
    result               TEXT CHECK (result IN ('indicators', 'none', 'incomplete')),
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

-- Only a purge changes an answer, and then only to clear its note.
CREATE TRIGGER screening_answers_no_update BEFORE UPDATE ON screening_answers
WHEN NOT (NEW.note IS NULL AND NEW.id = OLD.id AND NEW.screening_id = OLD.screening_id
          AND NEW.item = OLD.item AND NEW.answer = OLD.answer AND NEW.source = OLD.source
          AND NEW.answered_by = OLD.answered_by AND NEW.answered_at = OLD.answered_at)
BEGIN
    SELECT RAISE(ABORT, 'screening answers are never overwritten');
END;

-- Duplicate checks look clients up by their initials as well as by name.
CREATE INDEX clients_by_initials ON clients(agency_id, initials_key);

-- Releases of information, of a client or of the person of a hotline contact: who receives
-- what, for what, until when; revocable at any time, and never a condition of service. A
-- release ends at the end of its last day (America/Denver). The recipient may be an agency of
-- the console; when the signed copy came back is recorded.
CREATE TABLE releases (
    id                   INTEGER PRIMARY KEY,
    agency_id            INTEGER NOT NULL REFERENCES agencies(id),
    client_id            INTEGER REFERENCES clients(id),
    contact_id           INTEGER REFERENCES contacts(id),
    recipient_kind       TEXT NOT NULL CHECK (recipient_kind IN
                             ('service_provider', 'law_enforcement', 'court', 'health', 'the_person', 'other')),
    recipient            TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
    recipient_agency_id  INTEGER REFERENCES agencies(id),
    scope                TEXT NOT NULL CHECK (json_valid(scope) AND json_array_length(scope) > 0),
    purpose              TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 300),
    signed_on            TEXT NOT NULL CHECK (length(signed_on) = 10),
    method               TEXT NOT NULL CHECK (method IN ('written', 'verbal_witnessed', 'electronic')),
    witness              TEXT CHECK (length(witness) <= 100),
    explained_in         TEXT NOT NULL CHECK (explained_in IN ('english', 'spanish', 'other')),
    expires_on           TEXT NOT NULL CHECK (length(expires_on) = 10),
    signed_copy_on       TEXT CHECK (signed_copy_on IS NULL OR length(signed_copy_on) = 10),
    revoked_on           TEXT CHECK (revoked_on IS NULL OR length(revoked_on) = 10),
    revoked_how          TEXT CHECK (revoked_how IS NULL OR revoked_how IN ('written', 'verbal', 'electronic')),
    revoked_by           INTEGER REFERENCES users(id),
    recorded_by          INTEGER NOT NULL REFERENCES users(id),
    created_at           TEXT NOT NULL,
    CHECK ((client_id IS NULL) <> (contact_id IS NULL)),
    CHECK (expires_on >= signed_on),
    CHECK (method <> 'verbal_witnessed' OR witness IS NOT NULL),
    CHECK ((revoked_on IS NULL) = (revoked_how IS NULL) AND (revoked_on IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX releases_client ON releases(client_id, expires_on);
CREATE INDEX releases_contact ON releases(contact_id);
CREATE INDEX releases_expiring ON releases(agency_id, expires_on) WHERE revoked_on IS NULL;

-- The resource directory: organisations, the services they offer and where.
CREATE TABLE dir_organizations (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    web            TEXT CHECK (length(web) <= 200),
    status         TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('confirmed', 'unverified')),
    last_verified  TEXT CHECK (last_verified IS NULL OR length(last_verified) = 10),
    retired_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    hsds_id        TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    -- Migration 35: the import that added it (see `dir_services_shown`); NULL when typed.
    import_id      INTEGER
);

CREATE TABLE dir_services (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER NOT NULL REFERENCES dir_organizations(id),
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    phone            TEXT CHECK (length(phone) <= 40),
    text_number      TEXT CHECK (length(text_number) <= 40),
    hours            TEXT CHECK (length(hours) <= 200),
    open_24_7        INTEGER NOT NULL DEFAULT 0 CHECK (open_24_7 IN (0, 1)),
    statewide        INTEGER NOT NULL DEFAULT 0 CHECK (statewide IN (0, 1)),
    eligibility      TEXT CHECK (length(eligibility) <= 1000),
    intake_steps     TEXT CHECK (length(intake_steps) <= 1000),
    last_verified    TEXT CHECK (last_verified IS NULL OR length(last_verified) = 10),
    retired_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    hsds_id        TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    -- HSDS status "temporarily closed": still listed, marked closed.
    temporarily_closed INTEGER NOT NULL DEFAULT 0 CHECK (temporarily_closed IN (0, 1)),
    -- Migration 35: the import that wrote it, while it is under way or until it is folded
    -- into the service it replaces (that service's id); NULL otherwise.
    import_id        INTEGER,
    replaces         INTEGER
);
CREATE INDEX dir_services_org ON dir_services(organization_id);
CREATE INDEX dir_services_name ON dir_services(name, id);

-- Categories, populations, languages and areas (a county or tribal nation) a service covers.
CREATE TABLE dir_service_tags (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    kind        TEXT NOT NULL CHECK (kind IN ('category', 'population', 'language', 'area')),
    value       TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
    PRIMARY KEY (kind, value, service_id)
) WITHOUT ROWID;
CREATE INDEX dir_service_tags_service ON dir_service_tags(service_id);

-- Where services are offered (HSDS locations): a place may be shared by several services.
-- A shelter's street address is confidential unless it allows it: only the city and ZIP are
-- shown. A place outside New Mexico says its state.
CREATE TABLE dir_places (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER REFERENCES dir_organizations(id),
    name             TEXT CHECK (length(name) <= 200),
    address          TEXT CHECK (length(address) <= 200),
    city             TEXT CHECK (length(city) <= 80),
    state            TEXT NOT NULL DEFAULT 'NM' CHECK (length(state) BETWEEN 1 AND 40),
    zip              TEXT CHECK (length(zip) <= 10),
    country          TEXT NOT NULL DEFAULT 'US' CHECK (length(country) = 2),
    show_address     INTEGER NOT NULL DEFAULT 0 CHECK (show_address IN (0, 1)),
    hsds_id          TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    -- Migration 35: the import that added it; NULL when typed.
    import_id        INTEGER
);
CREATE UNIQUE INDEX dir_places_hsds ON dir_places(hsds_id) WHERE hsds_id IS NOT NULL;

-- Which services are offered at which place (HSDS service_at_location), in the order shown.
CREATE TABLE dir_service_places (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    place_id    INTEGER NOT NULL REFERENCES dir_places(id),
    position    INTEGER NOT NULL DEFAULT 0,
    hsds_id     TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    PRIMARY KEY (service_id, place_id)
) WITHOUT ROWID;
CREATE INDEX dir_service_places_place ON dir_service_places(place_id);

-- Search over names, descriptions, categories (named in both languages) and places, accents
-- folded ("dona ana" finds "Doña Ana") and English words stemmed ("immigration" finds
-- "Immigrants"). Migration 11 made it again with places and the stemmer; migration 16 added
-- the filters, as tokens ("fcategorylegal", "fopen1h10" for open at some minute of Monday's
-- ten o'clock hour), which a search with filters matches in the index.
CREATE VIRTUAL TABLE dir_search USING fts5(
    name, organization, description, categories, places, filters,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- When a service is open, in America/Denver local time: one row per day and span (a span past
-- midnight is stored as two). Weekday 1 is Monday, 7 Sunday; minutes from local midnight.
CREATE TABLE dir_schedules (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1439),
    closes      INTEGER NOT NULL CHECK (closes BETWEEN 1 AND 1440),
    CHECK (opens < closes),
    PRIMARY KEY (service_id, weekday, opens)
) WITHOUT ROWID;
CREATE INDEX dir_schedules_open ON dir_schedules(weekday, opens, closes);

CREATE UNIQUE INDEX dir_organizations_hsds ON dir_organizations(hsds_id) WHERE hsds_id IS NOT NULL;
-- An exchange identifier is unique among the services in use; an import's rows hold the same
-- identifiers as the services they replace until they are folded into them (migration 35).
CREATE UNIQUE INDEX dir_services_hsds ON dir_services(hsds_id)
    WHERE hsds_id IS NOT NULL AND import_id IS NULL;
CREATE UNIQUE INDEX dir_services_import ON dir_services(import_id, hsds_id)
    WHERE import_id IS NOT NULL;
CREATE INDEX dir_services_replaces ON dir_services(replaces) WHERE replaces IS NOT NULL;
CREATE INDEX dir_organizations_import ON dir_organizations(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX dir_places_import ON dir_places(import_id) WHERE import_id IS NOT NULL;

-- Phones of every HSDS type, on a service, a place or an organisation. A service's number to
-- call and to text are also on its row (dir_services.phone, text_number): a fax never is.
-- Schedules that are not plain weekly hours (monthly, every other week, or valid only between
-- two days) are kept as the files give them, in local minutes; they are shown, not searched.
-- Service areas as the files word them (a recognised county or tribal nation is also a tag).
-- Other directories' taxonomies (AIRS / 211 LA among them) and the terms on each service.
CREATE TABLE dir_phones (
    id               INTEGER PRIMARY KEY,
    service_id       INTEGER REFERENCES dir_services(id),
    place_id         INTEGER REFERENCES dir_places(id),
    organization_id  INTEGER REFERENCES dir_organizations(id),
    number           TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
    extension        TEXT CHECK (length(extension) <= 10),
    kind             TEXT NOT NULL CHECK (kind IN ('voice', 'text', 'fax', 'textphone', 'cell', 'video', 'pager')),
    description      TEXT CHECK (length(description) <= 300),
    hsds_id          TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    CHECK (coalesce(service_id, place_id, organization_id) IS NOT NULL)
);
CREATE INDEX dir_phones_service ON dir_phones(service_id) WHERE service_id IS NOT NULL;
CREATE INDEX dir_phones_place ON dir_phones(place_id) WHERE place_id IS NOT NULL;
CREATE INDEX dir_phones_organization ON dir_phones(organization_id) WHERE organization_id IS NOT NULL;

CREATE TABLE dir_schedule_rules (
    id           INTEGER PRIMARY KEY,
    service_id   INTEGER REFERENCES dir_services(id),
    place_id     INTEGER REFERENCES dir_places(id),
    freq         TEXT CHECK (freq IN ('WEEKLY', 'MONTHLY')),
    interval     INTEGER CHECK (interval BETWEEN 1 AND 99),
    byday        TEXT CHECK (length(byday) <= 80),
    bymonthday   TEXT CHECK (length(bymonthday) <= 80),
    opens        INTEGER CHECK (opens BETWEEN 0 AND 1439),
    closes       INTEGER CHECK (closes BETWEEN 1 AND 1440),
    valid_from   TEXT CHECK (valid_from IS NULL OR length(valid_from) = 10),
    valid_to     TEXT CHECK (valid_to IS NULL OR length(valid_to) = 10),
    description  TEXT CHECK (length(description) <= 300),
    hsds_id      TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    CHECK (coalesce(service_id, place_id) IS NOT NULL)
);
CREATE INDEX dir_schedule_rules_service ON dir_schedule_rules(service_id) WHERE service_id IS NOT NULL;
CREATE INDEX dir_schedule_rules_place ON dir_schedule_rules(place_id) WHERE place_id IS NOT NULL;

CREATE TABLE dir_service_areas (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    hsds_id     TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    PRIMARY KEY (service_id, name)
) WITHOUT ROWID;

CREATE TABLE dir_taxonomies (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    uri          TEXT CHECK (length(uri) <= 300),
    hsds_id      TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64)
);

CREATE TABLE dir_terms (
    id           INTEGER PRIMARY KEY,
    taxonomy_id  INTEGER NOT NULL REFERENCES dir_taxonomies(id),
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    hsds_id      TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    UNIQUE (taxonomy_id, code)
);

CREATE TABLE dir_service_terms (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    term_id     INTEGER NOT NULL REFERENCES dir_terms(id),
    hsds_id     TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    PRIMARY KEY (service_id, term_id)
) WITHOUT ROWID;
CREATE INDEX dir_service_terms_term ON dir_service_terms(term_id);

-- An administrator's map from another taxonomy's codes to our categories. A code maps the
-- terms it begins ("BH-1800" maps "BH-1800.8500").
CREATE TABLE dir_term_map (
    taxonomy  TEXT NOT NULL CHECK (length(taxonomy) BETWEEN 1 AND 100),
    code      TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    category  TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
    PRIMARY KEY (taxonomy, code)
) WITHOUT ROWID;

-- A referral of a client (or of a hotline contact) to a directory service. What of the person
-- it carries rests on a release: nothing identifying without one, and never past its end.
CREATE TABLE referrals (
    id             INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    client_id      INTEGER REFERENCES clients(id),
    contact_id     INTEGER REFERENCES contacts(id),
    service_id     INTEGER NOT NULL REFERENCES dir_services(id),
    referred_on    TEXT NOT NULL CHECK (length(referred_on) = 10),
    referred_by    INTEGER NOT NULL REFERENCES users(id),
    reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    consent        TEXT NOT NULL CHECK (consent IN ('none', 'verbal', 'written')),
    consent_share  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(consent_share)),
    consent_until  TEXT CHECK (consent_until IS NULL OR length(consent_until) = 10),
    follow_up_on   TEXT CHECK (follow_up_on IS NULL OR length(follow_up_on) = 10),
    status         TEXT NOT NULL DEFAULT 'made'
                   CHECK (status IN ('made', 'accepted', 'declined', 'completed')),
    created_at     TEXT NOT NULL,
    -- What the referral carries under its release (migration 31); without one, nothing
    -- identifying. consent, consent_share and consent_until are no longer written: an older
    -- referral's consent became a release.
    release_id     INTEGER REFERENCES releases(id),
    carries        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(carries)),
    CHECK ((client_id IS NULL) <> (contact_id IS NULL)),
    CHECK (consent_share = '[]' OR (consent <> 'none' AND consent_until IS NOT NULL))
);
CREATE INDEX referrals_client ON referrals(client_id);
CREATE INDEX referrals_contact ON referrals(contact_id);
CREATE INDEX referrals_follow_up ON referrals(agency_id, follow_up_on) WHERE status IN ('made', 'accepted');
CREATE INDEX referrals_release ON referrals(release_id) WHERE release_id IS NOT NULL;
-- Migration 35: a directory import moves the referrals to a service it folds.
CREATE INDEX referrals_service ON referrals(service_id);

-- Every status a referral has had, dated; never changed once written.
CREATE TABLE referral_status (
    id           INTEGER PRIMARY KEY,
    referral_id  INTEGER NOT NULL REFERENCES referrals(id),
    status       TEXT NOT NULL CHECK (status IN ('made', 'accepted', 'declined', 'completed')),
    reason       TEXT CHECK (length(reason) <= 300),
    on_date      TEXT NOT NULL CHECK (length(on_date) = 10),
    changed_by   INTEGER NOT NULL REFERENCES users(id),
    changed_at   TEXT NOT NULL,
    CHECK (status <> 'declined' OR length(reason) > 0)
);
CREATE INDEX referral_status_referral ON referral_status(referral_id);

-- Only a purge changes one, and then only to clear its reason.
CREATE TRIGGER referral_status_no_update BEFORE UPDATE ON referral_status
WHEN NOT ((NEW.reason IS NULL OR NEW.reason = '—') AND NEW.id = OLD.id
          AND NEW.referral_id = OLD.referral_id AND NEW.status = OLD.status
          AND NEW.on_date = OLD.on_date AND NEW.changed_by = OLD.changed_by
          AND NEW.changed_at = OLD.changed_at)
BEGIN
    SELECT RAISE(ABORT, 'referral status history is never changed');
END;
CREATE TRIGGER referral_status_no_delete BEFORE DELETE ON referral_status
BEGIN
    SELECT RAISE(ABORT, 'referral status history is never deleted');
END;

-- A fund the task force pays crime-victim assistance from, for a period, for some categories.
CREATE TABLE funds (
    id            INTEGER PRIMARY KEY,
    agency_id     INTEGER NOT NULL REFERENCES agencies(id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    source        TEXT NOT NULL CHECK (source IN ('state', 'voca', 'federal_grant', 'private')),
    period_from   TEXT NOT NULL CHECK (length(period_from) = 10),
    period_to     TEXT NOT NULL CHECK (length(period_to) = 10),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
    categories    TEXT NOT NULL CHECK (json_valid(categories) AND json_array_length(categories) > 0),
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    TEXT NOT NULL,
    CHECK (period_from <= period_to),
    UNIQUE (agency_id, name)
);

-- A payment to (or for) a client: requested by one person, approved by another, voided with a
-- reason when wrong; never deleted, its amount never changed.
CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    fund_id       INTEGER NOT NULL REFERENCES funds(id),
    client_id     INTEGER NOT NULL REFERENCES clients(id),
    category      TEXT NOT NULL CHECK (category IN ('crisis', 'rent', 'relocation', 'travel',
                  'pecuniary_loss', 'lost_wages', 'civil_legal')),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
    paid_on       TEXT NOT NULL CHECK (length(paid_on) = 10),
    payee         TEXT NOT NULL CHECK (length(payee) BETWEEN 1 AND 120),
    purpose       TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 500),
    status        TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'void')),
    requested_by  INTEGER NOT NULL REFERENCES users(id),
    requested_at  TEXT NOT NULL,
    approved_by   INTEGER REFERENCES users(id),
    approved_at   TEXT,
    voided_by     INTEGER REFERENCES users(id),
    voided_at     TEXT,
    void_reason   TEXT CHECK (length(void_reason) <= 300),
    imported      INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
    -- Migration 34: the import that brought it in (see `imports`); NULL when typed.
    import_id     INTEGER,
    CHECK (approved_by IS NULL OR approved_by <> requested_by OR imported = 1),
    CHECK (status <> 'approved' OR approved_by IS NOT NULL),
    CHECK (status <> 'void' OR length(void_reason) > 0)
);
CREATE INDEX payments_fund ON payments(fund_id, status);
CREATE INDEX payments_client ON payments(client_id);
CREATE INDEX payments_paid_on ON payments(paid_on);

-- Only the rows of an import that did not end may go (migration 34): nobody has seen them.
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
WHEN old.import_id IS NULL OR old.import_id NOT IN (SELECT id FROM imports)
BEGIN
    SELECT RAISE(ABORT, 'payments are voided, never deleted');
END;

-- A purge may blank the payee, purpose and void reason, and change nothing else.
CREATE TRIGGER payments_fixed BEFORE UPDATE ON payments
WHEN NOT (NEW.payee = '—' AND NEW.purpose = ''
          AND (NEW.void_reason IS OLD.void_reason OR NEW.void_reason = '—')
          AND NEW.id = OLD.id AND NEW.fund_id = OLD.fund_id AND NEW.client_id = OLD.client_id
          AND NEW.category = OLD.category AND NEW.amount_cents = OLD.amount_cents
          AND NEW.paid_on = OLD.paid_on AND NEW.status = OLD.status
          AND NEW.requested_by = OLD.requested_by AND NEW.requested_at = OLD.requested_at
          AND NEW.approved_by IS OLD.approved_by AND NEW.approved_at IS OLD.approved_at
          AND NEW.voided_by IS OLD.voided_by AND NEW.voided_at IS OLD.voided_at
          AND NEW.imported = OLD.imported)
 AND (NEW.fund_id <> OLD.fund_id OR NEW.client_id <> OLD.client_id OR NEW.category <> OLD.category
     OR NEW.amount_cents <> OLD.amount_cents OR NEW.paid_on <> OLD.paid_on
     OR NEW.requested_by <> OLD.requested_by OR OLD.status = 'void'
     OR (NEW.status = 'approved' AND OLD.status <> 'requested')
     OR (NEW.status = 'requested' AND OLD.status <> 'requested'))
BEGIN
    SELECT RAISE(ABORT, 'a payment is only approved or voided, never changed');
END;

-- Reports read by period, from indexes that hold every column they count (so a year of
-- services is read from the index alone, not row by row). The hotline report reads its daily
-- rollups (below), so contacts carry no such index.
CREATE INDEX services_report ON services(agency_id, delivered_on, service_type, voca_family,
    client_id, import_id);
CREATE INDEX clients_intake ON clients(agency_id, intake_on, import_id);
CREATE INDEX screenings_started ON screenings(agency_id, started_at);
CREATE INDEX referrals_made ON referrals(agency_id, referred_on);

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

-- Migration 33: an import under way, or cut off when its process was killed. Its rows are in
-- their tables already, written a few hundred at a time in short transactions, each with this
-- id; every reader reads `contacts_shown` and `tips_shown` (and since migration 34
-- `clients_shown`, `services_shown`, `payments_shown`), which leave them out, and the
-- rollups do not count them (their counts wait in `import_day_*`). The import's last step, one
-- short transaction, adds those counts and deletes this row: then all its rows are there at
-- once. An import whose process is gone is taken out, a few hundred rows at a time, by the
-- next intake that starts (`Store::sweep_left`). AUTOINCREMENT: an id is never used again,
-- or rows of an import that ended would be hidden by a new one.
CREATE TABLE imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    kind         TEXT NOT NULL CHECK (kind IN ('contact', 'tip', 'client', 'service', 'payment', 'directory')),
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
CREATE INDEX contacts_import ON contacts(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX tips_import ON tips(import_id) WHERE import_id IS NOT NULL;
CREATE VIEW contacts_shown AS
SELECT * FROM contacts WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
CREATE VIEW tips_shown AS
SELECT * FROM tips WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
-- Migration 34: clients, services and payments are imported the same way.
CREATE INDEX clients_import ON clients(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX services_import ON services(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX payments_import ON payments(import_id) WHERE import_id IS NOT NULL;
CREATE VIEW clients_shown AS
SELECT * FROM clients WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
CREATE VIEW services_shown AS
SELECT * FROM services WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
CREATE VIEW payments_shown AS
SELECT * FROM payments WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
-- Migration 35: the directory import writes each service of its file as a new row tagged with
-- the import (`replaces` names the service it updates). While the import is under way its
-- rows are left out; once it ended, each service it replaced is left out until the new row is
-- folded into it (its id, and the referrals to it, kept), a few hundred at a time.
CREATE VIEW dir_services_shown AS
SELECT * FROM dir_services s
WHERE (s.import_id IS NULL OR s.import_id NOT IN (SELECT id FROM imports))
  AND NOT EXISTS (SELECT 1 FROM dir_services n
                  WHERE n.replaces = s.id AND n.import_id NOT IN (SELECT id FROM imports));
CREATE VIEW dir_organizations_shown AS
SELECT * FROM dir_organizations WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);

-- What each contact in sight adds to its day: a row per (field, value). The recount and
-- `intake check` read this; the triggers below restate it for NEW and OLD, because a trigger
-- cannot pass its row to a view, and so does an import's tally (`store::rollups::tally`).
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

-- A contact an import stages is counted when the import ends (migration 33).
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

-- How long each kind of record keeps its identifying text, set by an administrator; a kind
-- with no row keeps the documented default (store::retention). `keep` is a count and a unit:
-- 7y, 18m, 30d. Purges find what is due by these partial indexes.
CREATE TABLE retention (
    kind    TEXT PRIMARY KEY CHECK (kind IN ('contact', 'tip', 'draft', 'case')),
    keep    TEXT NOT NULL CHECK (length(keep) BETWEEN 2 AND 6),
    set_by  INTEGER REFERENCES users(id),
    set_at  TEXT NOT NULL
);
CREATE INDEX contacts_unpurged ON contacts(started_at) WHERE purged_at IS NULL;
CREATE INDEX tips_unpurged ON tips(received_at) WHERE purged_at IS NULL;
CREATE INDEX clients_unpurged ON clients(agency_id) WHERE purged_at IS NULL AND status = 'closed';
-- The name index removes a changed or purged name's entries at once rather than marking them
-- deleted in older segments (FTS5 secure-delete).
INSERT INTO clients_search (clients_search, rank) VALUES ('secure-delete', 1);

-- Every time identifying data left the agency: when, to whom, what, under which release or
-- which exception (a statute, a court order, the person's own request), who did it, and
-- whether the person was told (or why not: when telling them is not safe).
CREATE TABLE disclosures (
    id              INTEGER PRIMARY KEY,
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    client_id       INTEGER REFERENCES clients(id),
    contact_id      INTEGER REFERENCES contacts(id),
    kind            TEXT NOT NULL CHECK (kind IN
                        ('referral', 'transfer', 'export', 'mandatory_report', 'court_order', 'other')),
    disclosed_on    TEXT NOT NULL CHECK (length(disclosed_on) = 10),
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('service_provider', 'law_enforcement',
                        'court', 'health', 'the_person', 'child_welfare', 'tribal', 'other')),
    recipient       TEXT CHECK (length(recipient) <= 200),
    what            TEXT NOT NULL CHECK (json_valid(what) AND json_array_length(what) > 0),
    basis           TEXT NOT NULL CHECK (basis IN ('release', 'statute', 'court_order', 'own_request')),
    release_id      INTEGER REFERENCES releases(id),
    basis_detail    TEXT CHECK (length(basis_detail) <= 300),
    source          TEXT CHECK (source IN ('referral', 'transfer', 'contact', 'screening', 'export')),
    source_id       INTEGER,
    done_by         INTEGER NOT NULL REFERENCES users(id),
    told            TEXT NOT NULL DEFAULT 'not_yet' CHECK (told IN ('not_yet', 'yes', 'not_safe')),
    told_on         TEXT CHECK (told_on IS NULL OR length(told_on) = 10),
    created_at      TEXT NOT NULL,
    CHECK (client_id IS NOT NULL OR contact_id IS NOT NULL),
    CHECK ((basis = 'release') = (release_id IS NOT NULL)),
    CHECK (basis IN ('release', 'own_request') OR basis_detail IS NOT NULL),
    CHECK ((told = 'yes') = (told_on IS NOT NULL))
);
CREATE INDEX disclosures_client ON disclosures(client_id, disclosed_on);
CREATE INDEX disclosures_contact ON disclosures(contact_id);
CREATE INDEX disclosures_by_day ON disclosures(agency_id, disclosed_on);
CREATE UNIQUE INDEX disclosures_once ON disclosures(source, source_id, recipient_kind)
    WHERE source IN ('contact', 'screening');

-- A case offered to another agency of the console under a release naming it. The receiving
-- agency sees only what the release covers; on acceptance it gets its own record (linked by
-- this row, not shared) and the sending agency keeps its own.
CREATE TABLE case_transfers (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients(id),
    from_agency     INTEGER NOT NULL REFERENCES agencies(id),
    to_agency       INTEGER NOT NULL REFERENCES agencies(id),
    release_id      INTEGER NOT NULL REFERENCES releases(id),
    note            TEXT CHECK (length(note) <= 500),
    status          TEXT NOT NULL DEFAULT 'offered'
                    CHECK (status IN ('offered', 'accepted', 'declined', 'withdrawn', 'stopped')),
    offered_by      INTEGER NOT NULL REFERENCES users(id),
    offered_at      TEXT NOT NULL,
    decided_by      INTEGER REFERENCES users(id),
    decided_at      TEXT,
    decline_reason  TEXT CHECK (length(decline_reason) <= 300),
    new_client_id   INTEGER REFERENCES clients(id),
    CHECK (from_agency <> to_agency),
    CHECK ((status = 'accepted') = (new_client_id IS NOT NULL))
);
CREATE INDEX case_transfers_to ON case_transfers(to_agency, status);
CREATE INDEX case_transfers_client ON case_transfers(client_id);

-- How long a new release runs by default, by recipient kind (an administrator sets these).
CREATE TABLE release_defaults (
    recipient_kind  TEXT PRIMARY KEY CHECK (recipient_kind IN
                        ('service_provider', 'law_enforcement', 'court', 'health', 'the_person', 'other')),
    days            INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650)
) WITHOUT ROWID;
INSERT INTO release_defaults (recipient_kind, days) VALUES
    ('service_provider', 365), ('law_enforcement', 30), ('court', 90), ('health', 365),
    ('the_person', 365), ('other', 90);

-- Migration 32: since when the audit log's head has been anchored in a file beside the key.
CREATE TABLE audit_anchor (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    since  TEXT NOT NULL
);
