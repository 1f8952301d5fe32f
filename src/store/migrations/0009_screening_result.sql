-- Migration 9: a closed screening keeps its result (indicators, none, incomplete) beside the
-- level its tool reached, so that lists and reports read the result without the tool.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE screenings ADD COLUMN result TEXT CHECK (result IN ('indicators', 'none', 'incomplete'));

-- The shipped tools' levels are 'indicators' and 'none'; a level no shipped tool has (an
-- imported tool's) is settled from its tool by the program after this migration.
UPDATE screenings SET result = CASE
    WHEN completeness = 'indicators_incomplete' OR level = 'indicators' THEN 'indicators'
    WHEN level IS NULL THEN 'incomplete'
    WHEN level = 'none' THEN 'none'
    END
 WHERE closed_at IS NOT NULL;
