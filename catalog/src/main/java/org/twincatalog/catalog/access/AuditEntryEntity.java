package org.twincatalog.catalog.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.twincatalog.access.audit.AuditEntry;
import org.twincatalog.access.audit.AuditEvent;

/** One row of the hash-chained audit log ({@code access_audit}). */
@Entity
@Table(name = "access_audit")
public class AuditEntryEntity {
    @Id
    public long sequence;

    @Column(name = "event_time")
    public Instant time;

    public String subject;
    public String organization;
    public String action;
    public String resource;

    @Column(name = "resource_owner")
    public String resourceOwner;

    public String purpose;
    public String decision;

    @Column(name = "rule_id")
    public String rule;

    public String reason;

    @Column(name = "previous_hash")
    public String previousHash;

    public String hash;

    static AuditEntryEntity of(AuditEntry entry) {
        AuditEntryEntity row = new AuditEntryEntity();
        AuditEvent e = entry.event();
        row.sequence = entry.sequence();
        row.time = e.time();
        row.subject = e.subject();
        row.organization = e.organization();
        row.action = e.action();
        row.resource = e.resource();
        row.resourceOwner = e.resourceOwner();
        row.purpose = e.purpose();
        row.decision = e.decision();
        row.rule = e.rule();
        row.reason = e.reason();
        row.previousHash = entry.previousHash();
        row.hash = entry.hash();
        return row;
    }

    AuditEntry toEntry() {
        return new AuditEntry(
                sequence,
                new AuditEvent(
                        time, subject, organization, action, resource, resourceOwner, purpose, decision, rule, reason),
                previousHash,
                hash);
    }
}
