package io.nqpf.advisor;

import io.quarkus.smallrye.openapi.runtime.DeferredOpenApiDocumentService;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The OpenAPI document of {@code /q/openapi} is prepared once the service listens, off the start's path (issue 20):
 * Quarkus' document service is replaced by {@link DeferredOpenApiDocumentService}, which serves the same document.
 */
@Singleton
public class OpenApiAfterStart {

    /** Chosen over Quarkus' own bean of this type; one instance, no proxy (Quarkus' recorder calls it directly). */
    @Produces
    @Alternative
    @Priority(1)
    @Singleton
    static DeferredOpenApiDocumentService documents(Config config) {
        return new DeferredOpenApiDocumentService(config);
    }

    /** When the HTTP server listens, after the start's observers: the document is prepared on a thread of its own. */
    void onListening(@Observes HttpServerStart event, OpenApiDocumentService documents) {
        if (documents instanceof DeferredOpenApiDocumentService deferred) {
            deferred.prepareOnThread();
        }
    }
}
