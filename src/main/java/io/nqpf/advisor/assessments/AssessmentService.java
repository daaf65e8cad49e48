package io.nqpf.advisor.assessments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.profile.Violation;
import io.nqpf.advisor.report.ComparisonAssembler;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.service.PayloadTooLargeException;
import io.nqpf.advisor.service.RecommendationService;
import io.nqpf.advisor.service.RequestEnvelope;
import io.nqpf.advisor.service.RulesetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Saving, reading, annotating, deleting and replaying assessments. */
@ApplicationScoped
public class AssessmentService {

    public static final int TITLE_MAX = 200;
    public static final int NOTE_MAX = 4000;
    /** Room for title and note beside the profile in a save request. */
    private static final int ENVELOPE_BYTES = 32 * 1024;

    private final AssessmentRepository repository;
    private final RecommendationService recommendations;
    private final RulesetService rulesets;
    private final ProfileReader reader;
    private final ObjectMapper json;
    private final long maxBytes;

    public AssessmentService(AssessmentRepository repository, RecommendationService recommendations,
            RulesetService rulesets, ProfileReader reader, ObjectMapper json, AdvisorConfig config) {
        this.repository = repository;
        this.recommendations = recommendations;
        this.rulesets = rulesets;
        this.reader = reader;
        this.json = json;
        this.maxBytes = config.limits().profileBytes() + ENVELOPE_BYTES;
    }

    /** Evaluates the profile of a save request with the active ruleset and keeps both. */
    public AssessmentViews.Assessment save(byte[] body, Language language, String user) {
        PayloadTooLargeException.requireWithin(body, maxBytes);
        JsonNode root = ProfileReader.tree(body);
        List<Violation> violations = new ArrayList<>();
        RegionProfile profile = null;
        String title = null;
        String note = null;
        if (RequestEnvelope.check(root, violations, "profile", "title", "note")) {
            profile = recommendations.side(root, "profile", violations);
            title = text(root, "title", TITLE_MAX, violations);
            note = text(root, "note", NOTE_MAX, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidProfileException("title.invalid-assessment", violations);
        }
        Report report = recommendations.evaluateFull(profile, language);
        AssessmentRepository.Row row = new AssessmentRepository.Row(UUID.randomUUID().toString(), profile.regionId(),
                profile.name(), profile.year(), title, note, language.tag(), write(root.get("profile")), write(report),
                report.ruleset().version(), report.ruleset().sha256(), report.decisionId().toString(), user,
                now(), null, null, 1, null, null);
        repository.insert(row);
        return view(row);
    }

    public AssessmentViews.Assessment get(String id) {
        return view(existing(id));
    }

    public AssessmentViews.Listing list(AssessmentRepository.Filter filter, int limit, int offset) {
        AssessmentRepository.Page page = repository.list(filter, limit, offset);
        return new AssessmentViews.Listing(page.rows().stream().map(AssessmentService::item).toList(), page.total(),
                limit, offset);
    }

    /** Sets the title and the note the body gives ({@code {"title"?, "note"?}}; null clears). */
    public AssessmentViews.Assessment annotate(String id, byte[] body, String user) {
        PayloadTooLargeException.requireWithin(body, ENVELOPE_BYTES);
        JsonNode root = ProfileReader.tree(body);
        List<Violation> violations = new ArrayList<>();
        String title = null;
        String note = null;
        if (RequestEnvelope.check(root, violations, "title", "note")) {
            title = text(root, "title", TITLE_MAX, violations);
            note = text(root, "note", NOTE_MAX, violations);
        }
        if (!violations.isEmpty()) {
            throw new InvalidProfileException("title.invalid-assessment", violations);
        }
        if (!repository.annotate(id, root.has("title"), title, root.has("note"), note, user, now())) {
            throw new AssessmentNotFoundException(id);
        }
        return get(id);
    }

    public void delete(String id, String user) {
        if (!repository.delete(id, user, now())) {
            throw new AssessmentNotFoundException(id);
        }
    }

    /** Who saved it, or empty when there is no such assessment (or it is deleted). */
    public java.util.Optional<String> owner(String id) {
        return repository.find(id).filter(r -> !r.deleted()).map(AssessmentRepository.Row::savedBy);
    }

    /** The stored profile evaluated again with the active ruleset, against the report as saved. */
    public AssessmentViews.Replay replay(String id, Language language) {
        AssessmentRepository.Row row = existing(id);
        RegionProfile profile = profile(row);
        Report saved = read(row.report(), Report.class);
        Report now = recommendations.evaluateFull(profile, language);
        var changes = ComparisonAssembler.compare(profile, saved, profile, now, rulesets.active(), language);
        return new AssessmentViews.Replay(id, saved.ruleset(), now.ruleset(),
                !saved.ruleset().sha256().equals(now.ruleset().sha256()), changes, now);
    }

    AssessmentRepository.Row existing(String id) {
        return repository.find(id).filter(r -> !r.deleted()).orElseThrow(() -> new AssessmentNotFoundException(id));
    }

    /** The stored profile read again; it was valid when saved. */
    RegionProfile profile(AssessmentRepository.Row row) {
        try {
            return reader.read(json.readTree(row.profile()), RegionProfile.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile of assessment " + row.id() + " is not JSON", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON does not read as " + type.getSimpleName(), e);
        }
    }

    JsonNode tree(String text) {
        return read(text, JsonNode.class);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AssessmentViews.Assessment view(AssessmentRepository.Row r) {
        return new AssessmentViews.Assessment(r.id(), r.regionId(), r.regionName(), r.year(), r.title(), r.note(),
                r.language(), new Report.RulesetRef(r.rulesetVersion(), r.rulesetSha256()), r.decisionId(), r.savedBy(),
                r.savedAt(), r.updatedBy(), r.updatedAt(), r.revision(), link(r.id()), tree(r.profile()),
                tree(r.report()));
    }

    private static AssessmentViews.Item item(AssessmentRepository.Row r) {
        return new AssessmentViews.Item(r.id(), r.regionId(), r.regionName(), r.year(), r.title(),
                new Report.RulesetRef(r.rulesetVersion(), r.rulesetSha256()), r.savedBy(), r.savedAt(), r.updatedAt(),
                link(r.id()));
    }

    /** Now, to the microsecond that both databases keep, so that a saved time reads back as it was answered. */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    static String link(String id) {
        return "/#/assessments/" + id;
    }

    /** A member that must be absent, null or a text of at most {@code max} characters. */
    private static String text(JsonNode root, String name, int max, List<Violation> violations) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(Violation.of(name, "must.string"));
            return null;
        }
        String value = node.asText();
        if (value.codePointCount(0, value.length()) > max) {
            violations.add(Violation.of(name, "constraint.size", 0, max));
            return null;
        }
        return value;
    }

    /** A text for problems, kept here so the keys in use are found beside their use. */
    static Text notFound(String id) {
        return Text.of("assessment.not-found", id);
    }
}
