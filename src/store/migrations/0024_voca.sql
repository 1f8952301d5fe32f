-- Migration 24: what the VOCA Victim Assistance PMT asks of a client that intake did not:
-- other victimizations than trafficking, and special classifications. Records made before
-- have neither (NULL: "not tracked"); a record saved since has a list, maybe empty.
-- Services are placed in their VOCA family by data/voca-pmt.toml: three moved family.
-- FROZEN: never edit this file; change schema.sql and add the next numbered migration instead.

ALTER TABLE clients ADD COLUMN victimizations TEXT
    CHECK (victimizations IS NULL OR (json_valid(victimizations) AND length(victimizations) <= 600));
ALTER TABLE clients ADD COLUMN classifications TEXT
    CHECK (classifications IS NULL OR (json_valid(classifications) AND length(classifications) <= 300));

UPDATE services SET voca_family = 'emotional_safety' WHERE service_type = 'cash_food';
UPDATE services SET voca_family = 'personal_advocacy'
    WHERE service_type IN ('case_management', 'child_care');
