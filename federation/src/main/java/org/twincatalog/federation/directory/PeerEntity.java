package org.twincatalog.federation.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code federation_peer}; never returned by the API. */
@Entity
@Table(name = "federation_peer")
public class PeerEntity {
    @Id
    public String id;

    /** The name by language, as JSON. */
    @Column(name = "name_json")
    public String nameJson;

    public String tier;

    @Column(name = "base_url")
    public String baseUrl;

    /** Comma-separated area codes. */
    @Column(name = "admin_areas")
    public String adminAreas;

    @Column(name = "client_id")
    public String clientId;

    public boolean harvest;

    public String source;
}
