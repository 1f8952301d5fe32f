-- Migration 16: the directory's search index also holds each service's filters (categories,
-- populations, languages, areas, statewide, open around the clock, and the hours it is open),
-- as tokens of a column of their own, so a search with words and filters is answered by the
-- index's own intersection rather than a check of every match. The index is made again; the
-- program fills it from the services after this migration.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

DROP TABLE dir_search;

CREATE VIRTUAL TABLE dir_search USING fts5(
    name, organization, description, categories, places, filters,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
);
