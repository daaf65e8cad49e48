package io.nqpf.advisor.api;

import io.nqpf.advisor.assessments.Store;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says whether the database of assessments answers, from the store's last use or probe, without waiting on it.
 * The check stays UP while the store is down, with {@code store: DOWN} in its data (the driver's reason is logged): evaluation does
 * not need the store, and a readiness DOWN would take the service out of its balancer. Monitoring alerts on
 * {@code store}; saving answers 503 meanwhile.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final Store store;

    public StoreReadiness(Store store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        String down = store.down();
        var builder = HealthCheckResponse.named("assessment-store").up()
                .withData("kind", store.kind())
                .withData("store", down == null ? "UP" : "DOWN")
                .withData("since", store.since().toString());
        // the driver's reason (which may name hosts, files or settings) goes to the log only
        return builder.build();
    }
}
