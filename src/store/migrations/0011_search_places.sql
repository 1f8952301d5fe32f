-- Migration 11: the directory search covers places (counties, tribal nations, cities) and the
-- category and population names in both languages, and stems English words. The index is made
-- again; the program fills it from the services after this migration.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

DROP TABLE dir_search;

-- Search over names, descriptions, categories (named in both languages) and places, accents
-- folded ("dona ana" finds "Doña Ana") and English words stemmed ("immigration" finds
-- "Immigrants"). Migration 11 made it again with places and the stemmer.
CREATE VIRTUAL TABLE dir_search USING fts5(
    name, organization, description, categories, places,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);
