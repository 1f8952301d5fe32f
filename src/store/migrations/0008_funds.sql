-- Migration 8: assistance funds and the payments made from them, and indexes for reports.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- A fund the task force pays crime-victim assistance from, for a period, for some categories.
CREATE TABLE funds (
    id            INTEGER PRIMARY KEY,
    agency_id     INTEGER NOT NULL REFERENCES agencies(id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    source        TEXT NOT NULL CHECK (source IN ('state', 'voca', 'federal_grant', 'private')),
    period_from   TEXT NOT NULL CHECK (length(period_from) = 10),
    period_to     TEXT NOT NULL CHECK (length(period_to) = 10),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
    categories    TEXT NOT NULL CHECK (json_valid(categories) AND json_array_length(categories) > 0),
    created_by    INTEGER NOT NULL REFERENCES users(id),
    created_at    TEXT NOT NULL,
    CHECK (period_from <= period_to),
    UNIQUE (agency_id, name)
);

-- A payment to (or for) a client: requested by one person, approved by another, voided with a
-- reason when wrong; never deleted, its amount never changed.
CREATE TABLE payments (
    id            INTEGER PRIMARY KEY,
    fund_id       INTEGER NOT NULL REFERENCES funds(id),
    client_id     INTEGER NOT NULL REFERENCES clients(id),
    category      TEXT NOT NULL CHECK (category IN ('crisis', 'rent', 'relocation', 'travel',
                  'pecuniary_loss', 'lost_wages', 'civil_legal')),
    amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
    paid_on       TEXT NOT NULL CHECK (length(paid_on) = 10),
    payee         TEXT NOT NULL CHECK (length(payee) BETWEEN 1 AND 120),
    purpose       TEXT NOT NULL DEFAULT '' CHECK (length(purpose) <= 500),
    status        TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'void')),
    requested_by  INTEGER NOT NULL REFERENCES users(id),
    requested_at  TEXT NOT NULL,
    approved_by   INTEGER REFERENCES users(id),
    approved_at   TEXT,
    voided_by     INTEGER REFERENCES users(id),
    voided_at     TEXT,
    void_reason   TEXT CHECK (length(void_reason) <= 300),
    imported      INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
    CHECK (approved_by IS NULL OR approved_by <> requested_by OR imported = 1),
    CHECK (status <> 'approved' OR approved_by IS NOT NULL),
    CHECK (status <> 'void' OR length(void_reason) > 0)
);
CREATE INDEX payments_fund ON payments(fund_id, status);
CREATE INDEX payments_client ON payments(client_id);
CREATE INDEX payments_paid_on ON payments(paid_on);

CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN
    SELECT RAISE(ABORT, 'payments are voided, never deleted');
END;

CREATE TRIGGER payments_fixed BEFORE UPDATE ON payments
WHEN NEW.fund_id <> OLD.fund_id OR NEW.client_id <> OLD.client_id OR NEW.category <> OLD.category
     OR NEW.amount_cents <> OLD.amount_cents OR NEW.paid_on <> OLD.paid_on
     OR NEW.requested_by <> OLD.requested_by OR OLD.status = 'void'
     OR (NEW.status = 'approved' AND OLD.status <> 'requested')
     OR (NEW.status = 'requested' AND OLD.status <> 'requested')
BEGIN
    SELECT RAISE(ABORT, 'a payment is only approved or voided, never changed');
END;

-- Reports read by period, from indexes that hold every column they count (so a year of a
-- million-contact hotline is read from the index alone, not row by row).
CREATE INDEX contacts_report ON contacts(agency_id, started_at, channel, direction, caller_type,
    language, outcomes, caller_hash);
CREATE INDEX services_report ON services(agency_id, delivered_on, service_type, voca_family,
    client_id);
CREATE INDEX clients_intake ON clients(agency_id, intake_on);
CREATE INDEX screenings_started ON screenings(agency_id, started_at);
CREATE INDEX referrals_made ON referrals(agency_id, referred_on);
