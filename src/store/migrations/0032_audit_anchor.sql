-- Migration 32: the audit log's newest row is also written outside the database, to a small
-- file beside the key (and beside every backup), so that deleting the last rows or rewriting
-- the chain shows in `intake check`. This row says since when the database has had that file:
-- once it has, a missing file is damage, not a database older than the anchor.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE TABLE audit_anchor (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    since  TEXT NOT NULL
);
