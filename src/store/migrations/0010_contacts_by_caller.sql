-- Migration 10: repeat callers are found by the keyed hash of their number, within the agency.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE INDEX contacts_by_caller ON contacts(agency_id, caller_hash, started_at DESC)
    WHERE caller_hash IS NOT NULL;
