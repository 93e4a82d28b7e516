package org.twincatalog.catalog.web;

import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.twincatalog.catalog.record.BodyShapeProblems;

/**
 * Opens the collection of body shape problems for the methods marked {@link ReportsEveryProblem},
 * after matching and before the body is read.
 */
public class BodyShapeCollection {

    @ServerRequestFilter
    public void openFor(ResourceInfo resource) {
        if (ResourceMethods.isMarked(resource, ReportsEveryProblem.class)) {
            BodyShapeProblems.collectForCurrentRequest();
        }
    }
}
