-- Migration 12: a draft belongs to the session it was typed in, so one user's two sessions
-- never share (or open) one draft; a session keeps its process id, so a draft of a session
-- whose process is gone (a dropped link) can be taken up by the user's next session.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE sessions ADD COLUMN pid INTEGER;
ALTER TABLE drafts ADD COLUMN session_id INTEGER REFERENCES sessions(id);
DROP INDEX drafts_one_per_form;
CREATE UNIQUE INDEX drafts_one_per_form
    ON drafts(user_id, form, coalesce(record_id, 0), coalesce(session_id, 0));
