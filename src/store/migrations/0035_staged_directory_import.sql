-- Migration 35: the directory (Open Referral) import is written in short transactions too.
-- Each service of the file is written as a new row tagged with the import; one that updates a
-- service already here names it in `replaces`. Readers read `dir_services_shown`: an import's
-- rows are left out while it is under way, and once it ended each row it replaced is left out
-- until the new one is folded into it (its id, and the referrals to it, kept), a few hundred
-- at a time after the import's last step. Organisations and places the import adds carry it
-- too. The wider list of kinds in `imports` is a schema edit made in code (store::migrate).
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE dir_services ADD COLUMN import_id INTEGER;
ALTER TABLE dir_services ADD COLUMN replaces INTEGER;
ALTER TABLE dir_organizations ADD COLUMN import_id INTEGER;
ALTER TABLE dir_places ADD COLUMN import_id INTEGER;
-- An exchange identifier is unique among the services in use; an import's rows hold the same
-- identifiers as the services they replace until they are folded into them.
DROP INDEX dir_services_hsds;
CREATE UNIQUE INDEX dir_services_hsds ON dir_services(hsds_id)
    WHERE hsds_id IS NOT NULL AND import_id IS NULL;
CREATE UNIQUE INDEX dir_services_import ON dir_services(import_id, hsds_id)
    WHERE import_id IS NOT NULL;
CREATE INDEX dir_services_replaces ON dir_services(replaces) WHERE replaces IS NOT NULL;
CREATE INDEX dir_organizations_import ON dir_organizations(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX dir_places_import ON dir_places(import_id) WHERE import_id IS NOT NULL;
CREATE VIEW dir_services_shown AS
SELECT * FROM dir_services s
WHERE (s.import_id IS NULL OR s.import_id NOT IN (SELECT id FROM imports))
  AND NOT EXISTS (SELECT 1 FROM dir_services n
                  WHERE n.replaces = s.id AND n.import_id NOT IN (SELECT id FROM imports));
CREATE VIEW dir_organizations_shown AS
SELECT * FROM dir_organizations WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
-- Folding moves the referrals made to an import's row meanwhile.
CREATE INDEX referrals_service ON referrals(service_id);
