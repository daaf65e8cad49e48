package io.quarkus.smallrye.openapi.runtime;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * nqpf-advisor, issue 20 (start-up): Quarkus' own {@link OpenApiDocumentService}, except that the OpenAPI document is
 * prepared after the service has started instead of while it starts. Quarkus reads the document it stored when the
 * service was packaged and writes it as JSON and as YAML at runtime init, on the start's main thread (its recorder calls
 * {@code prepareDocument}), for a document that few requests ask for. Here that call is kept and run later, by
 * {@link #prepareOnThread} once the service listens or by the first request for {@code /q/openapi}, whichever comes
 * first; the document served is Quarkus' own. Quarkus 3.34 has no setting for this. Made by
 * {@code io.nqpf.advisor.OpenApiAfterStart}, which chooses it over Quarkus' bean.
 * <p>
 * The class sits in Quarkus' package because {@code prepareDocument} is package-private: the JVM lets it override that
 * method only where it is loaded by the class loader of Quarkus' own classes, as in the packaged service. Elsewhere
 * (tests and dev mode load the application's classes apart) Quarkus' method runs at start as before and this class
 * only passes the requests on; {@link #deferredAtStart} tells which.
 */
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {

    private static final Logger LOG = Logger.getLogger(DeferredOpenApiDocumentService.class);

    /** Quarkus' calls of {@code prepareDocument} (one per document) not yet run. */
    private final List<Runnable> deferred = new ArrayList<>();
    /** Nothing deferred is left to run. */
    private volatile boolean prepared = true;
    private volatile boolean deferredAtStart;

    /** A service reading the configuration {@code config}, as Quarkus' own bean would have injected it. */
    public DeferredOpenApiDocumentService(Config config) {
        try {
            // package-private, injected by Quarkus into its own bean; set through reflection so that this also works
            // where the override does not (above). Renamed in a later Quarkus, the start fails here, not silently
            var field = OpenApiDocumentService.class.getDeclaredField("config");
            field.setAccessible(true);
            field.set(this, config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Quarkus' OpenApiDocumentService has changed: " + e, e);
        }
    }

    @Override
    void prepareDocument(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filtersByStage,
            String documentName) {
        // Quarkus reads the stored document through the start's context class loader; so does the deferred call
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        synchronized (this) {
            deferred.add(() -> {
                Thread current = Thread.currentThread();
                ClassLoader before = current.getContextClassLoader();
                current.setContextClassLoader(loader);
                try {
                    super.prepareDocument(autoSecurityFilter, filtersByStage, documentName);
                } finally {
                    current.setContextClassLoader(before);
                }
            });
            deferredAtStart = true;
            prepared = false;
        }
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        prepare();
        return super.getDocument(documentName, format);
    }

    /** Whether Quarkus' preparation of the documents was left for after the start (false where it ran at start). */
    public boolean deferredAtStart() {
        return deferredAtStart;
    }

    /** Prepares what was left for after the start on a thread of its own, if anything was. */
    public void prepareOnThread() {
        if (prepared) {
            return;
        }
        Thread thread = new Thread(this::prepare, "openapi-document");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs what Quarkus asked for at start, once; a caller that comes meanwhile waits for it. */
    private void prepare() {
        if (prepared) {
            return;
        }
        synchronized (this) {
            long start = System.nanoTime();
            boolean any = !deferred.isEmpty();
            while (!deferred.isEmpty()) {
                deferred.get(0).run(); // what throws stays to be run by the next request
                deferred.remove(0);
            }
            prepared = true;
            if (any) {
                LOG.debugf("The OpenAPI document was prepared after the start, in %d ms",
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
