package org.twincatalog.catalog.web;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.twincatalog.catalog.record.BodyShapeProblems;

/**
 * Opens the collection of body shape problems for the methods marked {@link ReportsEveryProblem},
 * after matching and before the body is read.
 */
public class BodyShapeCollection {

    @ServerRequestFilter
    public void openFor(ResourceInfo resource) {
        if (marked(resource)) {
            BodyShapeProblems.collectForCurrentRequest();
        }
    }

    static boolean marked(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        if (method.isAnnotationPresent(ReportsEveryProblem.class)) {
            return true;
        }
        try {
            return resource.getResourceClass()
                    .getMethod(method.getName(), method.getParameterTypes())
                    .isAnnotationPresent(ReportsEveryProblem.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
