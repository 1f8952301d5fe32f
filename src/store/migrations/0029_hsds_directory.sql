-- Migration 29: the directory as Open Referral (HSDS 3) models it. A place is shared by the
-- services offered there; phones of every type hang off a service, a place or an organisation;
-- schedules that are not plain weekly hours are kept as given; service areas are kept as the
-- files word them; other directories' taxonomies are kept, with a map to our categories.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE dir_services ADD COLUMN temporarily_closed INTEGER NOT NULL DEFAULT 0 CHECK (temporarily_closed IN (0, 1));

CREATE TABLE dir_places (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER REFERENCES dir_organizations(id),
    name             TEXT CHECK (length(name) <= 200),
    address          TEXT CHECK (length(address) <= 200),
    city             TEXT CHECK (length(city) <= 80),
    state            TEXT NOT NULL DEFAULT 'NM' CHECK (length(state) BETWEEN 1 AND 40),
    zip              TEXT CHECK (length(zip) <= 10),
    country          TEXT NOT NULL DEFAULT 'US' CHECK (length(country) = 2),
    show_address     INTEGER NOT NULL DEFAULT 0 CHECK (show_address IN (0, 1)),
    hsds_id          TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64)
);
CREATE UNIQUE INDEX dir_places_hsds ON dir_places(hsds_id) WHERE hsds_id IS NOT NULL;

CREATE TABLE dir_service_places (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    place_id    INTEGER NOT NULL REFERENCES dir_places(id),
    position    INTEGER NOT NULL DEFAULT 0,
    hsds_id     TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    PRIMARY KEY (service_id, place_id)
) WITHOUT ROWID;
CREATE INDEX dir_service_places_place ON dir_service_places(place_id);

INSERT INTO dir_places (id, organization_id, address, city, zip, show_address, hsds_id)
    SELECT l.id, s.organization_id, l.address, l.city, l.zip, l.show_address, l.hsds_id
    FROM dir_locations l JOIN dir_services s ON s.id = l.service_id;
INSERT INTO dir_service_places (service_id, place_id, position)
    SELECT service_id, id, id FROM dir_locations;
DROP TABLE dir_locations;

CREATE TABLE dir_phones (
    id               INTEGER PRIMARY KEY,
    service_id       INTEGER REFERENCES dir_services(id),
    place_id         INTEGER REFERENCES dir_places(id),
    organization_id  INTEGER REFERENCES dir_organizations(id),
    number           TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 40),
    extension        TEXT CHECK (length(extension) <= 10),
    kind             TEXT NOT NULL CHECK (kind IN ('voice', 'text', 'fax', 'textphone', 'cell', 'video', 'pager')),
    description      TEXT CHECK (length(description) <= 300),
    hsds_id          TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    CHECK (coalesce(service_id, place_id, organization_id) IS NOT NULL)
);
CREATE INDEX dir_phones_service ON dir_phones(service_id) WHERE service_id IS NOT NULL;
CREATE INDEX dir_phones_place ON dir_phones(place_id) WHERE place_id IS NOT NULL;
CREATE INDEX dir_phones_organization ON dir_phones(organization_id) WHERE organization_id IS NOT NULL;

CREATE TABLE dir_schedule_rules (
    id           INTEGER PRIMARY KEY,
    service_id   INTEGER REFERENCES dir_services(id),
    place_id     INTEGER REFERENCES dir_places(id),
    freq         TEXT CHECK (freq IN ('WEEKLY', 'MONTHLY')),
    interval     INTEGER CHECK (interval BETWEEN 1 AND 99),
    byday        TEXT CHECK (length(byday) <= 80),
    bymonthday   TEXT CHECK (length(bymonthday) <= 80),
    opens        INTEGER CHECK (opens BETWEEN 0 AND 1439),
    closes       INTEGER CHECK (closes BETWEEN 1 AND 1440),
    valid_from   TEXT CHECK (valid_from IS NULL OR length(valid_from) = 10),
    valid_to     TEXT CHECK (valid_to IS NULL OR length(valid_to) = 10),
    description  TEXT CHECK (length(description) <= 300),
    hsds_id      TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    CHECK (coalesce(service_id, place_id) IS NOT NULL)
);
CREATE INDEX dir_schedule_rules_service ON dir_schedule_rules(service_id) WHERE service_id IS NOT NULL;
CREATE INDEX dir_schedule_rules_place ON dir_schedule_rules(place_id) WHERE place_id IS NOT NULL;

CREATE TABLE dir_service_areas (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    hsds_id     TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    PRIMARY KEY (service_id, name)
) WITHOUT ROWID;

CREATE TABLE dir_taxonomies (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    uri          TEXT CHECK (length(uri) <= 300),
    hsds_id      TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64)
);

CREATE TABLE dir_terms (
    id           INTEGER PRIMARY KEY,
    taxonomy_id  INTEGER NOT NULL REFERENCES dir_taxonomies(id),
    code         TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description  TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 1000),
    hsds_id      TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    UNIQUE (taxonomy_id, code)
);

CREATE TABLE dir_service_terms (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    term_id     INTEGER NOT NULL REFERENCES dir_terms(id),
    hsds_id     TEXT CHECK (length(hsds_id) BETWEEN 1 AND 64),
    PRIMARY KEY (service_id, term_id)
) WITHOUT ROWID;
CREATE INDEX dir_service_terms_term ON dir_service_terms(term_id);

-- An administrator's map from another taxonomy's codes to our categories. A code maps the
-- terms it begins ("BH-1800" maps "BH-1800.8500").
CREATE TABLE dir_term_map (
    taxonomy  TEXT NOT NULL CHECK (length(taxonomy) BETWEEN 1 AND 100),
    code      TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
    category  TEXT NOT NULL CHECK (length(category) BETWEEN 1 AND 64),
    PRIMARY KEY (taxonomy, code)
) WITHOUT ROWID;
