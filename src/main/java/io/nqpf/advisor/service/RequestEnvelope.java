package io.nqpf.advisor.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.profile.Violation;
import java.util.List;
import java.util.Set;

/** The outer object of a batch, compare or validation request: an object with exactly the members it names. */
public final class RequestEnvelope {

    private RequestEnvelope() {
    }

    /**
     * Adds a violation for a body that is not an object, or one per member that is not allowed.
     *
     * @return true when the body is an object (its unknown members may still have been reported)
     */
    public static boolean check(JsonNode root, List<Violation> violations, String... allowed) {
        if (!root.isObject()) {
            violations.add(Violation.of("", "envelope.shape", String.join(", ", allowed)));
            return false;
        }
        Set<String> members = Set.of(allowed);
        String only = String.join(", ", allowed);
        int unknown = 0;
        for (var names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!members.contains(name) && unknown++ < Violation.MAX_LISTED) {
                violations.add(Violation.of(name, "envelope.unknown-field", only));
            }
        }
        if (unknown > Violation.MAX_LISTED) {
            violations.add(Violation.of("", "field.unknown.more", unknown - Violation.MAX_LISTED));
        }
        return true;
    }
}
