-- Migration 7: referrals with their consent and status history; opening hours as a schedule
-- ("open now"); the Open Referral (HSDS) identifiers the directory exchanges entries by.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- When a service is open, in America/Denver local time: one row per day and span (a span past
-- midnight is stored as two). Weekday 1 is Monday, 7 Sunday; minutes from local midnight.
CREATE TABLE dir_schedules (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    weekday     INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1439),
    closes      INTEGER NOT NULL CHECK (closes BETWEEN 1 AND 1440),
    CHECK (opens < closes),
    PRIMARY KEY (service_id, weekday, opens)
) WITHOUT ROWID;
CREATE INDEX dir_schedules_open ON dir_schedules(weekday, opens, closes);

ALTER TABLE dir_organizations ADD COLUMN hsds_id TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64);
ALTER TABLE dir_services ADD COLUMN hsds_id TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64);
ALTER TABLE dir_locations ADD COLUMN hsds_id TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64);
CREATE UNIQUE INDEX dir_organizations_hsds ON dir_organizations(hsds_id) WHERE hsds_id IS NOT NULL;
CREATE UNIQUE INDEX dir_services_hsds ON dir_services(hsds_id) WHERE hsds_id IS NOT NULL;
CREATE UNIQUE INDEX dir_locations_hsds ON dir_locations(hsds_id) WHERE hsds_id IS NOT NULL;

-- A referral of a client (or of a hotline contact) to a directory service. What of the person
-- may be shared rests on their consent: nothing identifying without it, and never past its end.
CREATE TABLE referrals (
    id             INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    client_id      INTEGER REFERENCES clients(id),
    contact_id     INTEGER REFERENCES contacts(id),
    service_id     INTEGER NOT NULL REFERENCES dir_services(id),
    referred_on    TEXT NOT NULL CHECK (length(referred_on) = 10),
    referred_by    INTEGER NOT NULL REFERENCES users(id),
    reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
    consent        TEXT NOT NULL CHECK (consent IN ('none', 'verbal', 'written')),
    consent_share  TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(consent_share)),
    consent_until  TEXT CHECK (consent_until IS NULL OR length(consent_until) = 10),
    follow_up_on   TEXT CHECK (follow_up_on IS NULL OR length(follow_up_on) = 10),
    status         TEXT NOT NULL DEFAULT 'made'
                   CHECK (status IN ('made', 'accepted', 'declined', 'completed')),
    created_at     TEXT NOT NULL,
    CHECK ((client_id IS NULL) <> (contact_id IS NULL)),
    CHECK (consent_share = '[]' OR (consent <> 'none' AND consent_until IS NOT NULL))
);
CREATE INDEX referrals_client ON referrals(client_id);
CREATE INDEX referrals_contact ON referrals(contact_id);
CREATE INDEX referrals_follow_up ON referrals(agency_id, follow_up_on) WHERE status IN ('made', 'accepted');

-- Every status a referral has had, dated; never changed once written.
CREATE TABLE referral_status (
    id           INTEGER PRIMARY KEY,
    referral_id  INTEGER NOT NULL REFERENCES referrals(id),
    status       TEXT NOT NULL CHECK (status IN ('made', 'accepted', 'declined', 'completed')),
    reason       TEXT CHECK (length(reason) <= 300),
    on_date      TEXT NOT NULL CHECK (length(on_date) = 10),
    changed_by   INTEGER NOT NULL REFERENCES users(id),
    changed_at   TEXT NOT NULL,
    CHECK (status <> 'declined' OR length(reason) > 0)
);
CREATE INDEX referral_status_referral ON referral_status(referral_id);

CREATE TRIGGER referral_status_no_update BEFORE UPDATE ON referral_status
BEGIN
    SELECT RAISE(ABORT, 'referral status history is never changed');
END;
CREATE TRIGGER referral_status_no_delete BEFORE DELETE ON referral_status
BEGIN
    SELECT RAISE(ABORT, 'referral status history is never deleted');
END;

-- Drafts of referral forms and of directory entries being written.
CREATE TABLE drafts_before_7 AS SELECT * FROM drafts;
DROP TABLE drafts;
CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    form        TEXT NOT NULL CHECK (form IN ('contact', 'tip', 'client', 'service', 'note',
                'referral', 'referral_contact', 'dir_service')),
    record_id   INTEGER,
    payload     TEXT NOT NULL CHECK (json_valid(payload) AND length(payload) <= 100000),
    updated_at  TEXT NOT NULL
);
INSERT INTO drafts SELECT * FROM drafts_before_7;
DROP TABLE drafts_before_7;
CREATE UNIQUE INDEX drafts_one_per_form ON drafts(user_id, form, coalesce(record_id, 0));
