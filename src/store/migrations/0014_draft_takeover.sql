-- Migration 14: a draft another session takes over leaves a mark on the session it came
-- from (taken_by), so that session can never keep or save it again: a draft is saved once.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE drafts ADD COLUMN taken_by INTEGER REFERENCES sessions(id);
