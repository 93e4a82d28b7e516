package org.twincatalog.catalog.record;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.twincatalog.catalog.Violation;

/**
 * What the JSON reader found wrong with the shape of the current request's body (unknown members,
 * values of the wrong type, unknown enum values), kept so that {@link Violations#of} reports it
 * together with the rule and profile problems of the same record: one answer names every problem.
 *
 * <p>Only requests whose resource method opened collection (see {@code web.ReportsEveryProblem})
 * collect; anywhere else the reader fails at the first problem, as Jackson does. Collection ends
 * when the record's checks take the problems. At most {@value #MAX} are kept.
 */
public final class BodyShapeProblems {
    static final int MAX = 100;
    private static final String OPEN = BodyShapeProblems.class.getName() + ".open";
    private static final String FOUND = BodyShapeProblems.class.getName() + ".found";

    private BodyShapeProblems() {}

    /** The request being served on this thread; null outside a request (a harvest, the demo seed). */
    private static ResteasyReactiveRequestContext current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return null;
        }
        return CurrentRequestManager.get();
    }

    /** Lets the JSON reader of the current request report shape problems instead of failing. */
    public static void collectForCurrentRequest() {
        ResteasyReactiveRequestContext request = current();
        if (request != null) {
            request.setProperty(OPEN, Boolean.TRUE);
            request.setProperty(FOUND, new ArrayList<Violation>());
        }
    }

    /**
     * Notes a problem of the body being read. False when the current request does not collect (the
     * reader must then fail as usual); true when noted (or dropped past the limit).
     */
    @SuppressWarnings("unchecked")
    public static boolean add(String pointer, String detail) {
        ResteasyReactiveRequestContext request = current();
        if (request == null || request.getProperty(OPEN) == null) {
            return false;
        }
        List<Violation> found = (List<Violation>) request.getProperty(FOUND);
        if (found.size() < MAX) {
            found.add(new Violation(pointer, detail));
        }
        return true;
    }

    /** The problems noted for the current request's body, once; collection ends. */
    @SuppressWarnings("unchecked")
    static List<Violation> take() {
        ResteasyReactiveRequestContext request = current();
        if (request == null || request.getProperty(OPEN) == null) {
            return List.of();
        }
        List<Violation> found = (List<Violation>) request.getProperty(FOUND);
        request.removeProperty(OPEN);
        request.removeProperty(FOUND);
        return found == null ? List.of() : List.copyOf(found);
    }
}
