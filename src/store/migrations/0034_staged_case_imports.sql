-- Migration 34: clients, services and payments are imported as contacts and tips are (migration
-- 33): in short transactions, their rows tagged with the import, shown only when it ends.
-- Readers read `clients_shown`, `services_shown` and `payments_shown`. The wider list of kinds
-- in `imports` is a schema edit made in code (store::migrate), as SQLite cannot alter a CHECK.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE clients ADD COLUMN import_id INTEGER;
ALTER TABLE services ADD COLUMN import_id INTEGER;
ALTER TABLE payments ADD COLUMN import_id INTEGER;
-- The list's and the reports' indexes carry the import, so a page still skips rows (and a
-- report still counts) on the index alone.
DROP INDEX clients_by_activity;
CREATE INDEX clients_by_activity ON clients(agency_id, last_activity DESC, id DESC, import_id);
DROP INDEX services_report;
CREATE INDEX services_report ON services(agency_id, delivered_on, service_type, voca_family,
    client_id, import_id);
DROP INDEX clients_intake;
CREATE INDEX clients_intake ON clients(agency_id, intake_on, import_id);
CREATE INDEX clients_import ON clients(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX services_import ON services(import_id) WHERE import_id IS NOT NULL;
CREATE INDEX payments_import ON payments(import_id) WHERE import_id IS NOT NULL;
CREATE VIEW clients_shown AS
SELECT * FROM clients WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
CREATE VIEW services_shown AS
SELECT * FROM services WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
CREATE VIEW payments_shown AS
SELECT * FROM payments WHERE import_id IS NULL OR import_id NOT IN (SELECT id FROM imports);
-- A payment is never deleted, but the rows of an import that did not end may be: nobody saw them.
DROP TRIGGER payments_no_delete;
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
WHEN old.import_id IS NULL OR old.import_id NOT IN (SELECT id FROM imports)
BEGIN
    SELECT RAISE(ABORT, 'payments are voided, never deleted');
END;
