package org.twincatalog.federation.harvest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A local record that mirrors a record of another node ({@code federation_mirror}): which peer
 * it came through and its origin (node, id, version). The record itself is a row of
 * {@code catalog_record} like any other, so that lists, search and the change feed include it.
 */
@Entity
@Table(name = "federation_mirror")
@IdClass(MirrorKey.class)
public class MirrorEntity {
    @Id
    @Column(name = "record_type")
    public String recordType;

    @Id
    @Column(name = "local_id")
    public String localId;

    @Column(name = "peer_id")
    public String peerId;

    @Column(name = "origin_node")
    public String originNode;

    @Column(name = "origin_id")
    public String originId;

    @Column(name = "origin_version")
    public long originVersion;

    /** The peer's change sequence that last wrote this mirror. */
    @Column(name = "peer_sequence")
    public long peerSequence;
}
