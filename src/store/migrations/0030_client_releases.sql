-- Migration 30: a client's releases of information. A release is informed, written (or
-- verbal before a witness, or electronic), specific (who receives it, what it covers, for
-- what), time-limited (it ends at the end of its last day, New Mexico time) and revocable at
-- any time. It is never a condition of service: nothing else in the schema depends on it.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE TABLE client_releases (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients(id),
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN
                        ('service_provider', 'law_enforcement', 'court', 'health', 'the_person', 'other')),
    recipient       TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
    scope           TEXT NOT NULL CHECK (json_valid(scope) AND json_array_length(scope) > 0),
    purpose         TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 300),
    signed_on       TEXT NOT NULL CHECK (length(signed_on) = 10),
    method          TEXT NOT NULL CHECK (method IN ('written', 'verbal_witnessed', 'electronic')),
    witness         TEXT CHECK (length(witness) <= 100),
    explained_in    TEXT NOT NULL CHECK (explained_in IN ('english', 'spanish', 'other')),
    expires_on      TEXT NOT NULL CHECK (length(expires_on) = 10),
    revoked_on      TEXT CHECK (revoked_on IS NULL OR length(revoked_on) = 10),
    revoked_how     TEXT CHECK (revoked_how IS NULL OR revoked_how IN ('written', 'verbal', 'electronic')),
    revoked_by      INTEGER REFERENCES users(id),
    recorded_by     INTEGER NOT NULL REFERENCES users(id),
    created_at      TEXT NOT NULL,
    CHECK (expires_on >= signed_on),
    CHECK (method <> 'verbal_witnessed' OR witness IS NOT NULL),
    CHECK ((revoked_on IS NULL) = (revoked_how IS NULL) AND (revoked_on IS NULL) = (revoked_by IS NULL))
);
CREATE INDEX client_releases_client ON client_releases(client_id, expires_on);
