-- The relational database is the source of truth. Every write to a record appends one row to
-- change_log in the same transaction; sequences come from change_counter, whose row lock
-- serializes writers so that sequences are gap-free and committed in order.

CREATE TABLE change_counter (
    id            INTEGER PRIMARY KEY,
    last_sequence BIGINT  NOT NULL
);
INSERT INTO change_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE change_log (
    sequence       BIGINT       PRIMARY KEY,
    record_type    VARCHAR(20)  NOT NULL,
    record_id      VARCHAR(100) NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    record_version BIGINT       NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash   VARCHAR(80)  NOT NULL
);
CREATE INDEX ix_change_log_record ON change_log (record_type, record_id);

-- One table for organizations, datasets and services: the indexed columns serve queries and
-- paging; the document column holds the record's canonical JSON content.
CREATE TABLE catalog_record (
    record_type    VARCHAR(20)  NOT NULL,
    id             VARCHAR(100) NOT NULL,
    publisher_id   VARCHAR(100),
    status         VARCHAR(20)  NOT NULL,
    record_version BIGINT       NOT NULL,
    created_seq    BIGINT       NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    content_hash   VARCHAR(80)  NOT NULL,
    document       VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (record_type, id)
);
CREATE UNIQUE INDEX ux_catalog_record_seq ON catalog_record (record_type, created_seq);
CREATE INDEX ix_catalog_record_publisher ON catalog_record (record_type, publisher_id, created_seq);

-- Links between records that queries follow (a service serves datasets).
CREATE TABLE record_link (
    record_type VARCHAR(20)  NOT NULL,
    record_id   VARCHAR(100) NOT NULL,
    rel         VARCHAR(40)  NOT NULL,
    target_id   VARCHAR(100) NOT NULL,
    PRIMARY KEY (record_type, record_id, rel, target_id)
);
CREATE INDEX ix_record_link_target ON record_link (rel, target_id);
