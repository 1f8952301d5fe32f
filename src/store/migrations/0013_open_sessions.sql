-- Migration 13: the sessions still open, by process, found at once when a console starts (to
-- end those whose process died without a word, as a killed one does).
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE INDEX sessions_open ON sessions(pid) WHERE ended_at IS NULL;
