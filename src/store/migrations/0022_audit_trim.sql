-- Migration 22: the audit log may be trimmed, only behind a signed checkpoint that keeps the
-- chain verifiable from the first row kept.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

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
DROP TRIGGER audit_log_no_delete;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
WHEN OLD.id > coalesce((SELECT max(through_id) FROM audit_checkpoints), 0)
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
