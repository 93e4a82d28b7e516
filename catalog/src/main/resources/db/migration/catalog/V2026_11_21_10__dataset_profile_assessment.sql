-- What the metadata profile said about a record when it was written (issue 4): the warnings with
-- their JSON Pointers and the DQV quality figures, as JSON. Derived data: not part of the record's
-- content or its content hash, so a recomputation never makes a new version.
ALTER TABLE catalog_record ADD COLUMN assessment VARCHAR(200000);
