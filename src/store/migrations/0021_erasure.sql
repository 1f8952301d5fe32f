-- Migration 21: why a client's identifying text went: the retention schedule, or a
-- supervisor's erasure at the person's request, for their safety, or of a record made in error.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE clients ADD COLUMN purge_reason TEXT
    CHECK (purge_reason IS NULL OR purge_reason IN ('schedule', 'request', 'safety', 'error'));
