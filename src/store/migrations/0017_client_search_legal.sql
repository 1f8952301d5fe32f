-- Migration 17: the client search index also holds the legal name, which only the roles that
-- see legal names search (the program chooses the columns); the chosen name and initials stay
-- what everyone searches.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

DROP TRIGGER clients_search_insert;
DROP TRIGGER clients_search_delete;
DROP TRIGGER clients_search_update;
DROP TABLE clients_search;
CREATE VIRTUAL TABLE clients_search USING fts5(
    name_key, initials_key, legal_name,
    content = 'clients', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_search (rowid, name_key, initials_key, legal_name)
    VALUES (new.id, new.name_key, new.initials_key, new.legal_name);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_search (clients_search, rowid, name_key, initials_key, legal_name)
    VALUES ('delete', old.id, old.name_key, old.initials_key, old.legal_name);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF name_key, initials_key, legal_name ON clients
BEGIN
    INSERT INTO clients_search (clients_search, rowid, name_key, initials_key, legal_name)
    VALUES ('delete', old.id, old.name_key, old.initials_key, old.legal_name);
    INSERT INTO clients_search (rowid, name_key, initials_key, legal_name)
    VALUES (new.id, new.name_key, new.initials_key, new.legal_name);
END;
INSERT INTO clients_search (clients_search) VALUES ('rebuild');
