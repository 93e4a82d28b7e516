-- Who could see a record just before each change (docs/adr/0007, "hidden" entries): its metadata
-- visibility, its owner and, when restricted, the organizations it was shared with
-- (",a,b,"). Null on a record's first change. A change that takes a record out of a caller's
-- sight is shown to that caller as a "hidden" entry (id only), so that parents that harvested
-- the record withdraw it at once instead of at their next reconciliation.
ALTER TABLE change_log ADD COLUMN before_visibility VARCHAR(20);
ALTER TABLE change_log ADD COLUMN before_publisher VARCHAR(100);
ALTER TABLE change_log ADD COLUMN before_shared_with VARCHAR(4000);
