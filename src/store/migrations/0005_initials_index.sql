-- Migration 5: an index for the duplicate check by initials.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- Duplicate checks look clients up by their initials as well as by name.
CREATE INDEX clients_by_initials ON clients(agency_id, initials_key);
