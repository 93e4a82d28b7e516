package org.twincatalog.access.agreement;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.twincatalog.ontology.Tc;

/**
 * Exports an agreement as an ODRL 2.2 policy in JSON-LD.
 *
 * <p>While no part is approved the policy is an {@code odrl:Request} (terms proposed by the
 * assignee, the consumer), with one permission per requested dataset. Once a part is approved it
 * is an {@code odrl:Agreement} holding permissions only for the datasets of approved parts, each
 * with its owner as {@code assigner} and the consumer as {@code assignee}. Every permission
 * allows {@code odrl:use} under two constraints: {@code purpose eq} the stated purpose, and
 * {@code dateTime} within the period. The legal basis is {@code dpv:hasLegalBasis}.
 */
public final class OdrlExporter {

    static final String ODRL_CONTEXT = "http://www.w3.org/ns/odrl.jsonld";
    static final String DPV = "https://w3id.org/dpv#";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, String> datasetIri;

    /** @param datasetIri maps a dataset id to the IRI the catalog publishes it under */
    public OdrlExporter(Function<String, String> datasetIri) {
        this.datasetIri = Objects.requireNonNull(datasetIri, "datasetIri");
    }

    /** The IRI of an organization in the twin-catalog id space. */
    public static String organizationIri(String organization) {
        return Tc.ID + "organization/" + organization;
    }

    /** The {@code uid} of an agreement's policy. */
    public static String agreementIri(String agreementId) {
        return Tc.ID + "agreement/" + agreementId;
    }

    public ObjectNode toJsonLd(Agreement agreement) {
        List<AgreementPart> approved = agreement.parts().stream()
                .filter(p -> p.state() == PartState.APPROVED)
                .toList();
        boolean isAgreement = !approved.isEmpty();
        ObjectNode policy = JSON.createObjectNode();
        ArrayNode context = policy.putArray("@context");
        context.add(ODRL_CONTEXT);
        context.addObject().put("dpv", DPV).put("xsd", "http://www.w3.org/2001/XMLSchema#");
        policy.put("@type", isAgreement ? "Agreement" : "Request");
        policy.put("uid", agreementIri(agreement.id()));
        policy.put("dpv:hasLegalBasis", agreement.legalBasis());
        ArrayNode permissions = policy.putArray("permission");
        for (AgreementPart part : isAgreement ? approved : agreement.parts()) {
            for (String dataset : part.datasetIds()) {
                permissions.add(permission(agreement, part, dataset, isAgreement));
            }
        }
        return policy;
    }

    private ObjectNode permission(Agreement agreement, AgreementPart part, String dataset, boolean withAssigner) {
        ObjectNode permission = JSON.createObjectNode();
        permission.put("target", datasetIri.apply(dataset));
        if (withAssigner) {
            permission.put("assigner", organizationIri(part.ownerOrganization()));
        }
        permission.put("assignee", organizationIri(agreement.consumerOrganization()));
        permission.put("action", "use");
        ArrayNode constraints = permission.putArray("constraint");
        constraints
                .addObject()
                .put("leftOperand", "purpose")
                .put("operator", "eq")
                .put("rightOperand", agreement.purpose());
        constraints.add(dateTime("gteq", agreement.period().from()));
        constraints.add(dateTime("lt", agreement.period().until()));
        return permission;
    }

    private static ObjectNode dateTime(String operator, Instant instant) {
        ObjectNode constraint = JSON.createObjectNode();
        constraint.put("leftOperand", "dateTime").put("operator", operator);
        constraint
                .putObject("rightOperand")
                .put("@value", DateTimeFormatter.ISO_INSTANT.format(instant))
                .put("@type", "xsd:dateTime");
        return constraint;
    }
}
