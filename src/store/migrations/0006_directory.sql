-- Migration 6: the resource directory and its search index.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

-- The resource directory: organisations, the services they offer and where.
CREATE TABLE dir_organizations (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    web            TEXT CHECK (length(web) <= 200),
    status         TEXT NOT NULL DEFAULT 'unverified' CHECK (status IN ('confirmed', 'unverified')),
    last_verified  TEXT CHECK (last_verified IS NULL OR length(last_verified) = 10),
    retired_at     TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE dir_services (
    id               INTEGER PRIMARY KEY,
    organization_id  INTEGER NOT NULL REFERENCES dir_organizations(id),
    name             TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    phone            TEXT CHECK (length(phone) <= 40),
    text_number      TEXT CHECK (length(text_number) <= 40),
    hours            TEXT CHECK (length(hours) <= 200),
    open_24_7        INTEGER NOT NULL DEFAULT 0 CHECK (open_24_7 IN (0, 1)),
    statewide        INTEGER NOT NULL DEFAULT 0 CHECK (statewide IN (0, 1)),
    eligibility      TEXT CHECK (length(eligibility) <= 1000),
    intake_steps     TEXT CHECK (length(intake_steps) <= 1000),
    last_verified    TEXT CHECK (last_verified IS NULL OR length(last_verified) = 10),
    retired_at       TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX dir_services_org ON dir_services(organization_id);
CREATE INDEX dir_services_name ON dir_services(name, id);

-- Categories, populations, languages and areas (a county or tribal nation) a service covers.
CREATE TABLE dir_service_tags (
    service_id  INTEGER NOT NULL REFERENCES dir_services(id),
    kind        TEXT NOT NULL CHECK (kind IN ('category', 'population', 'language', 'area')),
    value       TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 64),
    PRIMARY KEY (kind, value, service_id)
) WITHOUT ROWID;
CREATE INDEX dir_service_tags_service ON dir_service_tags(service_id);

-- Where a service is offered. A shelter's street address is confidential unless it allows it:
-- only the city and ZIP are shown.
CREATE TABLE dir_locations (
    id             INTEGER PRIMARY KEY,
    service_id     INTEGER NOT NULL REFERENCES dir_services(id),
    city           TEXT CHECK (length(city) <= 80),
    zip            TEXT CHECK (length(zip) <= 10),
    address        TEXT CHECK (length(address) <= 200),
    show_address   INTEGER NOT NULL DEFAULT 0 CHECK (show_address IN (0, 1))
);
CREATE INDEX dir_locations_service ON dir_locations(service_id);

-- Search over names, descriptions and categories, accents folded ("jose" finds "José").
CREATE VIRTUAL TABLE dir_search USING fts5(
    name, organization, description, categories,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
