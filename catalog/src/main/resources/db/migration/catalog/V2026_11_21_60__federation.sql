-- Federation (issue 6, docs/adr/0006): the node directory, harvest cursors committed with the
-- mirrors they bring, which local records mirror which origin, and quarantined changes.
-- Runs on H2 and PostgreSQL.

CREATE TABLE federation_peer (
    id          VARCHAR(100)  PRIMARY KEY,
    name_json   VARCHAR(4000),
    tier        VARCHAR(20)   NOT NULL,
    base_url    VARCHAR(1000) NOT NULL,
    admin_areas VARCHAR(4000),
    client_id   VARCHAR(200),
    harvest     BOOLEAN       NOT NULL,
    source      VARCHAR(20)   NOT NULL
);

CREATE TABLE federation_harvest_state (
    peer_id         VARCHAR(100) PRIMARY KEY,
    cursor_seq      BIGINT       NOT NULL,
    peer_head       BIGINT       NOT NULL,
    caught_up_at    TIMESTAMP WITH TIME ZONE,
    run_started_at  TIMESTAMP WITH TIME ZONE,
    run_finished_at TIMESTAMP WITH TIME ZONE,
    run_outcome     VARCHAR(20),
    run_from        BIGINT,
    run_to          BIGINT,
    run_applied     BIGINT       DEFAULT 0 NOT NULL,
    run_unchanged   BIGINT       DEFAULT 0 NOT NULL,
    run_quarantined BIGINT       DEFAULT 0 NOT NULL,
    run_error       VARCHAR(4000),
    last_error      VARCHAR(4000),
    last_error_at   TIMESTAMP WITH TIME ZONE
);

-- A mirror is a catalog_record row (so lists, search and the change feed include it); this row
-- says where it comes from. local_id = '<origin node>.<origin id>' for datasets and services.
CREATE TABLE federation_mirror (
    record_type    VARCHAR(20)  NOT NULL,
    local_id       VARCHAR(100) NOT NULL,
    peer_id        VARCHAR(100) NOT NULL,
    origin_node    VARCHAR(100) NOT NULL,
    origin_id      VARCHAR(100) NOT NULL,
    origin_version BIGINT       NOT NULL,
    peer_sequence  BIGINT       NOT NULL,
    PRIMARY KEY (record_type, local_id)
);
CREATE INDEX ix_federation_mirror_peer ON federation_mirror (peer_id);

CREATE TABLE federation_quarantine (
    peer_id        VARCHAR(100)  NOT NULL,
    sequence       BIGINT        NOT NULL,
    record_type    VARCHAR(20)   NOT NULL,
    record_id      VARCHAR(200)  NOT NULL,
    reason         VARCHAR(4000) NOT NULL,
    quarantined_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (peer_id, sequence)
);
