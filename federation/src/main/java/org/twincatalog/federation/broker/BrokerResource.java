package org.twincatalog.federation.broker;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.twincatalog.api.v1.FederatedSearchApi;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.CallerToken;
import org.twincatalog.catalog.web.Responses;

/** {@code /api/v1/federation/search} and {@code /api/v1/federation/aggregates}. */
@jakarta.ws.rs.Path("")
public class BrokerResource implements FederatedSearchApi {
    private final BrokerService broker;
    private final CallerContext callers;

    @Context
    HttpHeaders headers;

    public BrokerResource(BrokerService broker, CallerContext callers) {
        this.broker = broker;
        this.callers = callers;
    }

    @Override
    public Response searchFederation(
            List<String> peer,
            Integer deadlineMs,
            String q,
            List<String> publisher,
            List<String> adminArea,
            List<String> lod,
            List<String> featureType,
            List<String> access,
            List<String> year,
            String bbox,
            String datetime,
            Integer limit) {
        checkDeadline(deadlineMs);
        PeerQuery query = new PeerQuery(
                q,
                publisher,
                adminArea,
                lod,
                featureType,
                access,
                year,
                bbox,
                datetime,
                Responses.limit(limit, 20, 100));
        return Response.ok(broker.search(peer, deadlineMs, query, callerToken()))
                .build();
    }

    @Override
    public Response aggregateFederation(
            List<String> peer,
            Integer deadlineMs,
            String q,
            List<String> publisher,
            List<String> adminArea,
            List<String> lod,
            List<String> featureType,
            List<String> access,
            List<String> year,
            Integer yearFrom,
            List<String> facet) {
        checkDeadline(deadlineMs);
        PeerQuery query =
                new PeerQuery(q, publisher, adminArea, lod, featureType, access, years(year, yearFrom), null, null, 1);
        Set<String> facets = facet == null ? Set.of() : new LinkedHashSet<>(facet);
        return Response.ok(broker.aggregate(peer, deadlineMs, query, facets, callerToken()))
                .build();
    }

    /** {@code year} narrowed to {@code yearFrom} and later (up to next year). */
    static List<String> years(List<String> year, Integer yearFrom) {
        if (yearFrom == null) {
            return year;
        }
        if (yearFrom < 1900 || yearFrom > 2200) {
            throw BadParameter.query("yearFrom", "must be between 1900 and 2200, was " + yearFrom);
        }
        List<String> out = new ArrayList<>();
        for (int y = yearFrom; y <= Year.now().getValue() + 1; y++) {
            String s = Integer.toString(y);
            if (year == null || year.isEmpty() || year.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw BadParameter.query("yearFrom", "with year, leaves no year to search (yearFrom=" + yearFrom + ")");
        }
        return out;
    }

    /** A 400 naming {@code deadlineMs} when it is out of 50..30000. */
    public static void checkDeadline(Integer deadlineMs) {
        if (deadlineMs != null && (deadlineMs < 50 || deadlineMs > 30_000)) {
            throw BadParameter.query("deadlineMs", "must be between 50 and 30000, was " + deadlineMs);
        }
    }

    private String callerToken() {
        return CallerToken.of(callers, headers);
    }
}
