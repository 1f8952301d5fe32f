-- Migration 31: releases belong to a client or to the person of a hotline contact, may name an
-- agency of the console as recipient, and record when the signed copy came back; referrals
-- carry what a release allows instead of their own consent; every disclosure is logged; a case
-- can be offered to another agency under a release; each recipient kind has a default length.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE TABLE releases (
    id                   INTEGER PRIMARY KEY,
    agency_id            INTEGER NOT NULL REFERENCES agencies(id),
    client_id            INTEGER REFERENCES clients(id),
    contact_id           INTEGER REFERENCES contacts(id),
    recipient_kind       TEXT NOT NULL CHECK (recipient_kind IN
                             ('service_provider', 'law_enforcement', 'court', 'health', 'the_person', 'other')),
    recipient            TEXT NOT NULL CHECK (length(recipient) BETWEEN 1 AND 200),
    recipient_agency_id  INTEGER REFERENCES agencies(id),
    scope                TEXT NOT NULL CHECK (json_valid(scope) AND json_array_length(scope) > 0),
    purpose              TEXT NOT NULL CHECK (length(purpose) BETWEEN 1 AND 300),
    signed_on            TEXT NOT NULL CHECK (length(signed_on) = 10),
    method               TEXT NOT NULL CHECK (method IN ('written', 'verbal_witnessed', 'electronic')),
    witness              TEXT CHECK (length(witness) <= 100),
    explained_in         TEXT NOT NULL CHECK (explained_in IN ('english', 'spanish', 'other')),
    expires_on           TEXT NOT NULL CHECK (length(expires_on) = 10),
    signed_copy_on       TEXT CHECK (signed_copy_on IS NULL OR length(signed_copy_on) = 10),
    revoked_on           TEXT CHECK (revoked_on IS NULL OR length(revoked_on) = 10),
    revoked_how          TEXT CHECK (revoked_how IS NULL OR revoked_how IN ('written', 'verbal', 'electronic')),
    revoked_by           INTEGER REFERENCES users(id),
    recorded_by          INTEGER NOT NULL REFERENCES users(id),
    created_at           TEXT NOT NULL,
    CHECK ((client_id IS NULL) <> (contact_id IS NULL)),
    CHECK (expires_on >= signed_on),
    CHECK (method <> 'verbal_witnessed' OR witness IS NOT NULL),
    CHECK ((revoked_on IS NULL) = (revoked_how IS NULL) AND (revoked_on IS NULL) = (revoked_by IS NULL))
);
INSERT INTO releases (id, agency_id, client_id, recipient_kind, recipient, scope, purpose,
        signed_on, method, witness, explained_in, expires_on, revoked_on, revoked_how, revoked_by,
        recorded_by, created_at)
    SELECT id, agency_id, client_id, recipient_kind, recipient, scope, purpose, signed_on, method,
           witness, explained_in, expires_on, revoked_on, revoked_how, revoked_by, recorded_by,
           created_at
    FROM client_releases;
DROP TABLE client_releases;
CREATE INDEX releases_client ON releases(client_id, expires_on);
CREATE INDEX releases_contact ON releases(contact_id);
CREATE INDEX releases_expiring ON releases(agency_id, expires_on) WHERE revoked_on IS NULL;

-- A referral carries what its release allows (name, phone, birth date, address, language), or
-- nothing identifying without one. Its own consent columns are no longer written: a referral's
-- consent of an older database became a release of its person, below.
ALTER TABLE referrals ADD COLUMN release_id INTEGER REFERENCES releases(id);
ALTER TABLE referrals ADD COLUMN carries TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(carries));

INSERT INTO releases (agency_id, client_id, contact_id, recipient_kind, recipient, scope, purpose,
        signed_on, method, witness, explained_in, expires_on, recorded_by, created_at)
    SELECT r.agency_id, r.client_id, r.contact_id,
           CASE WHEN EXISTS (SELECT 1 FROM dir_service_tags t WHERE t.service_id = r.service_id
                             AND t.kind = 'category' AND t.value = 'law_enforcement')
                THEN 'law_enforcement' ELSE 'service_provider' END,
           substr(o.name, 1, 200),
           (SELECT json_group_array(g) FROM (SELECT DISTINCT
                CASE j.value WHEN 'birth_date' THEN 'date_of_birth' WHEN 'address' THEN 'address'
                             ELSE 'contact_details' END AS g
                FROM json_each(r.consent_share) j)),
           substr(r.reason, 1, 300), r.referred_on,
           CASE r.consent WHEN 'written' THEN 'written' ELSE 'verbal_witnessed' END,
           CASE r.consent WHEN 'written' THEN NULL ELSE substr(u.display_name, 1, 100) END,
           CASE coalesce(c.language, k.language) WHEN 'english' THEN 'english'
                WHEN 'spanish' THEN 'spanish' ELSE 'other' END,
           max(r.consent_until, r.referred_on), r.referred_by, r.created_at
    FROM referrals r
    JOIN dir_services s ON s.id = r.service_id
    JOIN dir_organizations o ON o.id = s.organization_id
    JOIN users u ON u.id = r.referred_by
    LEFT JOIN clients c ON c.id = r.client_id
    LEFT JOIN contacts k ON k.id = r.contact_id
    WHERE r.consent <> 'none' AND r.consent_share <> '[]' AND r.consent_until IS NOT NULL
    ORDER BY r.id;
-- Each such referral names the release made from it: the releases above were numbered in the
-- referrals' order, after every release that was already there.
UPDATE referrals SET
    carries = consent_share,
    release_id = (SELECT max(id) FROM releases)
        - (SELECT count(*) FROM referrals q WHERE q.consent <> 'none' AND q.consent_share <> '[]'
             AND q.consent_until IS NOT NULL AND q.id > referrals.id)
    WHERE consent <> 'none' AND consent_share <> '[]' AND consent_until IS NOT NULL;
UPDATE referrals SET consent = 'none', consent_share = '[]', consent_until = NULL;
CREATE INDEX referrals_release ON referrals(release_id) WHERE release_id IS NOT NULL;

-- Every time identifying data left the agency: when, to whom, what, under which release or
-- which exception (a statute, a court order, the person's own request), who did it, and
-- whether the person was told (or why not: when telling them is not safe).
CREATE TABLE disclosures (
    id              INTEGER PRIMARY KEY,
    agency_id       INTEGER NOT NULL REFERENCES agencies(id),
    client_id       INTEGER REFERENCES clients(id),
    contact_id      INTEGER REFERENCES contacts(id),
    kind            TEXT NOT NULL CHECK (kind IN
                        ('referral', 'transfer', 'export', 'mandatory_report', 'court_order', 'other')),
    disclosed_on    TEXT NOT NULL CHECK (length(disclosed_on) = 10),
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('service_provider', 'law_enforcement',
                        'court', 'health', 'the_person', 'child_welfare', 'tribal', 'other')),
    recipient       TEXT CHECK (length(recipient) <= 200),
    what            TEXT NOT NULL CHECK (json_valid(what) AND json_array_length(what) > 0),
    basis           TEXT NOT NULL CHECK (basis IN ('release', 'statute', 'court_order', 'own_request')),
    release_id      INTEGER REFERENCES releases(id),
    basis_detail    TEXT CHECK (length(basis_detail) <= 300),
    source          TEXT CHECK (source IN ('referral', 'transfer', 'contact', 'screening', 'export')),
    source_id       INTEGER,
    done_by         INTEGER NOT NULL REFERENCES users(id),
    told            TEXT NOT NULL DEFAULT 'not_yet' CHECK (told IN ('not_yet', 'yes', 'not_safe')),
    told_on         TEXT CHECK (told_on IS NULL OR length(told_on) = 10),
    created_at      TEXT NOT NULL,
    CHECK (client_id IS NOT NULL OR contact_id IS NOT NULL),
    CHECK ((basis = 'release') = (release_id IS NOT NULL)),
    CHECK (basis IN ('release', 'own_request') OR basis_detail IS NOT NULL),
    CHECK ((told = 'yes') = (told_on IS NOT NULL))
);
CREATE INDEX disclosures_client ON disclosures(client_id, disclosed_on);
CREATE INDEX disclosures_contact ON disclosures(contact_id);
CREATE INDEX disclosures_by_day ON disclosures(agency_id, disclosed_on);
CREATE UNIQUE INDEX disclosures_once ON disclosures(source, source_id, recipient_kind)
    WHERE source IN ('contact', 'screening');

-- A case offered to another agency of the console under a release naming it. The receiving
-- agency sees only what the release covers; on acceptance it gets its own record (linked by
-- this row, not shared) and the sending agency keeps its own.
CREATE TABLE case_transfers (
    id              INTEGER PRIMARY KEY,
    client_id       INTEGER NOT NULL REFERENCES clients(id),
    from_agency     INTEGER NOT NULL REFERENCES agencies(id),
    to_agency       INTEGER NOT NULL REFERENCES agencies(id),
    release_id      INTEGER NOT NULL REFERENCES releases(id),
    note            TEXT CHECK (length(note) <= 500),
    status          TEXT NOT NULL DEFAULT 'offered'
                    CHECK (status IN ('offered', 'accepted', 'declined', 'withdrawn', 'stopped')),
    offered_by      INTEGER NOT NULL REFERENCES users(id),
    offered_at      TEXT NOT NULL,
    decided_by      INTEGER REFERENCES users(id),
    decided_at      TEXT,
    decline_reason  TEXT CHECK (length(decline_reason) <= 300),
    new_client_id   INTEGER REFERENCES clients(id),
    CHECK (from_agency <> to_agency),
    CHECK ((status = 'accepted') = (new_client_id IS NOT NULL))
);
CREATE INDEX case_transfers_to ON case_transfers(to_agency, status);
CREATE INDEX case_transfers_client ON case_transfers(client_id);

-- How long a new release runs by default, by recipient kind (an administrator sets these).
CREATE TABLE release_defaults (
    recipient_kind  TEXT PRIMARY KEY CHECK (recipient_kind IN
                        ('service_provider', 'law_enforcement', 'court', 'health', 'the_person', 'other')),
    days            INTEGER NOT NULL CHECK (days BETWEEN 1 AND 3650)
) WITHOUT ROWID;
INSERT INTO release_defaults (recipient_kind, days) VALUES
    ('service_provider', 365), ('law_enforcement', 30), ('court', 90), ('health', 365),
    ('the_person', 365), ('other', 90);
