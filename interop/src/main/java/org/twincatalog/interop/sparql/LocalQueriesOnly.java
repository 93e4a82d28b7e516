package org.twincatalog.interop.sparql;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpTopN;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.twincatalog.catalog.MalformedRequest;

/**
 * Keeps SPARQL queries on this node: a query that names a {@code SERVICE}, in whatever form
 * ({@code SERVICE <iri>}, {@code SERVICE ?var}, {@code SILENT}, nested, inside a sub-query,
 * {@code OPTIONAL}, {@code UNION}, {@code MINUS} or an {@code EXISTS} filter) is refused before it
 * runs, so the node never fetches a URL a caller chose. As a second line, each execution gets a
 * service registry that refuses every call, so a service clause that slipped past the check still
 * reaches no network.
 */
final class LocalQueriesOnly {
    private LocalQueriesOnly() {}

    /** Thrown by the execution's service registry; never expected once {@link #check} passed. */
    static final class RemoteServiceRefused extends RuntimeException {
        RemoteServiceRefused() {
            super("federated SPARQL (SERVICE) is not available on this node");
        }
    }

    /**
     * @throws MalformedRequest when {@code query} contains a SERVICE clause anywhere
     */
    static void check(Query query) {
        Op op = Algebra.compile(query);
        ServiceFinder finder = new ServiceFinder();
        finder.walk(op);
        if (finder.found != null) {
            throw new MalformedRequest("Federated SPARQL is not available on this node: the query calls SERVICE "
                    + finder.found + "; query this node's catalog graph only, or ask each node's own"
                    + " /api/v1/sparql endpoint");
        }
    }

    private static final ServiceExecutorRegistry REFUSING = new ServiceExecutorRegistry()
            .add((opExecute, original, binding, execCxt) -> {
                throw new RemoteServiceRefused();
            });

    /** A service registry for an execution's context that refuses every SERVICE call (no HTTP, no other executor). */
    static ServiceExecutorRegistry refusingRegistry() {
        return REFUSING;
    }

    /** {@code failure} as a 400 when a refused SERVICE call caused it, else itself. */
    static RuntimeException explain(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RemoteServiceRefused) {
                return new MalformedRequest("Federated SPARQL is not available on this node: the query calls SERVICE");
            }
        }
        return failure;
    }

    /**
     * Finds SERVICE ops in an algebra expression: through Jena's walker, plus the expressions it
     * leaves aside (the graph patterns of EXISTS filters, ORDER BY conditions, aggregates).
     */
    private static final class ServiceFinder extends OpVisitorBase {
        private final ExprVisitorBase expressions = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionOp function) {
                walk(function.getGraphPattern());
            }
        };
        private String found;

        void walk(Op op) {
            Walker.walk(op, this, expressions);
        }

        private void walk(Expr expr) {
            Walker.walk(expr, this, expressions);
        }

        @Override
        public void visit(OpOrder order) {
            order.getConditions().forEach(c -> walk(c.getExpression()));
        }

        @Override
        public void visit(OpTopN top) {
            top.getConditions().forEach(c -> walk(c.getExpression()));
        }

        @Override
        public void visit(OpGroup group) {
            group.getGroupVars().getExprs().values().forEach(this::walk);
            group.getAggregators().forEach(a -> {
                if (a.getAggregator().getExprList() != null) {
                    a.getAggregator().getExprList().forEach(this::walk);
                }
            });
        }

        @Override
        public void visit(OpService service) {
            if (found == null) {
                found = service.getService().isURI()
                        ? "<" + service.getService().getURI() + ">"
                        : service.getService().toString();
            }
        }
    }
}
