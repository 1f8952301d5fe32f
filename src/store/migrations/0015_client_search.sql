-- Migration 15: clients are found through a full-text index of their chosen name and initials
-- (accent-folded keys), each word as a prefix, in place of LIKE over every client.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

CREATE VIRTUAL TABLE clients_search USING fts5(
    name_key, initials_key,
    content = 'clients', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_search (rowid, name_key, initials_key)
    VALUES (new.id, new.name_key, new.initials_key);
END;
CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_search (clients_search, rowid, name_key, initials_key)
    VALUES ('delete', old.id, old.name_key, old.initials_key);
END;
CREATE TRIGGER clients_search_update AFTER UPDATE OF name_key, initials_key ON clients BEGIN
    INSERT INTO clients_search (clients_search, rowid, name_key, initials_key)
    VALUES ('delete', old.id, old.name_key, old.initials_key);
    INSERT INTO clients_search (rowid, name_key, initials_key)
    VALUES (new.id, new.name_key, new.initials_key);
END;
INSERT INTO clients_search (clients_search) VALUES ('rebuild');
