package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.Admission;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the service has room: DOWN while as many API requests are in flight as it admits, and for a few seconds
 * after it last turned one away for lack of room (503), so that a balancer sends the next requests elsewhere and an
 * orchestrator sees the load. Liveness is not affected: a saturated service is busy, not broken.
 */
@Readiness
@ApplicationScoped
public class LoadReadiness implements HealthCheck {

    private final Admission admission;

    public LoadReadiness(Admission admission) {
        this.admission = admission;
    }

    @Override
    public HealthCheckResponse call() {
        boolean saturated = admission.saturated();
        return HealthCheckResponse.named("load").status(!saturated)
                .withData("saturated", saturated)
                .withData("inFlight", admission.inFlight())
                .withData("maxInFlight", admission.maxRequests())
                .withData("inFlightBytes", admission.inFlightBytes())
                .withData("maxInFlightBytes", admission.maxBytes())
                .build();
    }
}
