package org.twincatalog.node;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.twincatalog.catalog.NodeConfig;

/** Says, once the node is up, where to point a browser or a client. */
@ApplicationScoped
public class NodeBanner {
    private static final Logger LOG = Logger.getLogger(NodeBanner.class);

    private final NodeConfig node;

    public NodeBanner(NodeConfig node) {
        this.node = node;
    }

    void onStart(@Observes StartupEvent event) {
        String base = node.baseUrl();
        LOG.infof(
                """

                twin-catalog node '%s' (%s) is up at %s
                  catalog (JSON)     %s/api/v1/catalog
                  catalog (DCAT-AP)  curl -H 'Accept: text/turtle' %s/api/v1/catalog
                  datasets           %s/api/v1/datasets
                  change feed        %s/api/v1/changes?after=0
                  API contract       %s/openapi   (Swagger UI: %s/q/swagger-ui)
                """,
                node.id(), node.tier(), base, base, base, base, base, base, base);
    }
}
