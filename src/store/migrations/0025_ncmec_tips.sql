-- Migration 25: tips counted the way NCMEC's CyberTipline counts them. Two incident types
-- join the category list (child sexual molestation; misleading words or digital images, apart
-- from misleading domain names), and annotations such as sextortion are kept beside the
-- category. SQLite cannot alter a CHECK: store::migrate widens the category's list after this
-- file, by SQLite's documented edit of the stored schema (every stored row already passes).
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE tips ADD COLUMN annotations TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(annotations) AND length(annotations) <= 200);
