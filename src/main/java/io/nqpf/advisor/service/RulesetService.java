package io.nqpf.advisor.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.engine.RulesetHolder;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The active ruleset, and the administrator's checks and reloads of the rules directory. */
@ApplicationScoped
public class RulesetService {

    private final RulesetHolder holder;
    private final long maxValidateBytes;

    public RulesetService(RulesetHolder holder, AdvisorConfig config) {
        this.holder = holder;
        this.maxValidateBytes = config.limits().validateBytes();
    }

    /** The active ruleset, or {@link NoRulesetException} while none has built. */
    public Ruleset active() {
        return holder.active().orElseThrow(NoRulesetException::new);
    }

    /** The active ruleset's version, or "none". */
    public String activeVersion() {
        return holder.active().map(Ruleset::version).orElse("none");
    }

    /**
     * Builds the rules directory with the draft files of a validation request ({@code {"files": {path: text}}})
     * added or replaced, activating nothing.
     */
    public RulesetBuilder.Outcome validate(byte[] body) {
        PayloadTooLargeException.requireWithin(body, maxValidateBytes);
        return holder.validate(drafts(ProfileReader.tree(body)));
    }

    /** Rebuilds from the rules directory and activates the result if it builds; busy while another build runs. */
    public RulesetBuilder.Outcome reload() {
        return holder.reloadIfIdle();
    }

    private static Map<String, String> drafts(JsonNode root) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>();
        if (RequestEnvelope.check(root, violations, "files")) {
            JsonNode node = root.get("files");
            if (node == null || !node.isObject()) {
                violations.add(Violation.of("files", "files.object"));
            } else {
                node.fields().forEachRemaining(e -> {
                    String path = e.getKey();
                    if (!e.getValue().isTextual()) {
                        violations.add(Violation.of("files." + path, "files.text"));
                    } else if (!validPath(path)) {
                        violations.add(Violation.of("files." + path, "files.path"));
                    } else {
                        files.put(path, e.getValue().asText());
                    }
                });
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidProfileException("title.invalid-validation", violations);
        }
        return files;
    }

    static boolean validPath(String path) {
        return !path.isEmpty() && !path.startsWith("/") && !path.contains("..") && !path.contains("\\")
                && (path.endsWith(".drl") || path.equals("thresholds.yaml") || path.equals("sources.yaml")
                        || (path.startsWith("catalog/") && path.endsWith(".yaml")));
    }
}
