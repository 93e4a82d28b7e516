-- The identity of this change log. Projections (the search index) remember the log they were
-- built from, and rebuild themselves when they meet another one (a restored or replaced database).
-- The node sets it once, at its first start.
ALTER TABLE change_counter ADD COLUMN log_id VARCHAR(36);
