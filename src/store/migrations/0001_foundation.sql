-- Migration 1: the foundation schema as first released. FROZEN: never edit this file;
-- change schema.sql and add the next numbered migration instead.

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
    end_reason  TEXT CHECK (end_reason IN ('logout', 'quit', 'switch_user', 'closed'))
);

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

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE INDEX users_agency ON users(agency_id);
CREATE INDEX sessions_user ON sessions(user_id);
