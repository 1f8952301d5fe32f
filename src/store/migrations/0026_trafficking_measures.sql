-- Migration 26: what OVC's measures for human-trafficking grantees ask that intake did not:
-- family members served alongside a client, and why a case closed and where the person lives
-- then, coded. Referral sources gain federal and local law enforcement apart (the list is
-- text; no change here).
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE clients ADD COLUMN family_served INTEGER
    CHECK (family_served IS NULL OR family_served BETWEEN 0 AND 50);
ALTER TABLE client_status ADD COLUMN closure_reason TEXT CHECK (length(closure_reason) <= 32);
ALTER TABLE client_status ADD COLUMN living_situation TEXT CHECK (length(living_situation) <= 32);
