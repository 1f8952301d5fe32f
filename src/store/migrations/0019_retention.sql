-- Migration 19: the retention policy, and the mark a purged contact or tip carries.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- How long each kind of record keeps its identifying text, set by an administrator; a kind
-- with no row keeps the documented default (store::retention). `keep` is a count and a unit:
-- 7y, 18m, 30d.
CREATE TABLE retention (
    kind    TEXT PRIMARY KEY CHECK (kind IN ('contact', 'tip', 'draft', 'case')),
    keep    TEXT NOT NULL CHECK (length(keep) BETWEEN 2 AND 6),
    set_by  INTEGER REFERENCES users(id),
    set_at  TEXT NOT NULL
);

-- When a purge removed the record's identifying text and narrative; its coded facts stay.
ALTER TABLE contacts ADD COLUMN purged_at TEXT CHECK (purged_at IS NULL OR length(purged_at) = 20);
ALTER TABLE tips ADD COLUMN purged_at TEXT CHECK (purged_at IS NULL OR length(purged_at) = 20);
CREATE INDEX contacts_unpurged ON contacts(started_at) WHERE purged_at IS NULL;
CREATE INDEX tips_unpurged ON tips(received_at) WHERE purged_at IS NULL;
