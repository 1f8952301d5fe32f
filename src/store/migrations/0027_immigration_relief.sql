-- Migration 27: immigration relief as dated case events (OVC's trafficking measures count
-- them): Continued Presence requested and granted, T visa applied for and granted, HHS
-- eligibility (minors) and certification (adults) letters. Coded, no free text.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE TABLE client_relief (
    id           INTEGER PRIMARY KEY,
    client_id    INTEGER NOT NULL REFERENCES clients(id),
    agency_id    INTEGER NOT NULL REFERENCES agencies(id),
    kind         TEXT NOT NULL CHECK (kind IN ('cp_requested', 'cp_granted', 't_visa_applied',
                 't_visa_granted', 'hhs_eligibility', 'hhs_certification')),
    on_date      TEXT NOT NULL CHECK (length(on_date) = 10),
    recorded_by  INTEGER NOT NULL REFERENCES users(id),
    created_at   TEXT NOT NULL
);
CREATE INDEX client_relief_client ON client_relief(client_id);
CREATE INDEX client_relief_report ON client_relief(agency_id, on_date);
