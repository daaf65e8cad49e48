package io.nqpf.advisor.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** What the benchmarks run on: the bundled ruleset, the service's reader and writer, the examples as bodies and read. */
record Fixture(Ruleset ruleset, ProfileReader reader, ObjectMapper json, List<byte[]> bodies,
        List<RegionProfile> profiles) {

    static Fixture load() throws IOException {
        // as in the service (quarkus.log.category."org.drools".level=WARN): no engine trace logging
        Logger.getLogger("org.drools").setLevel(java.util.logging.Level.WARNING);
        Logger.getLogger("org.kie").setLevel(java.util.logging.Level.WARNING);
        Ruleset ruleset = RulesetBuilder.build(RuleSources.read(Path.of("rules")), CitationCheck.textsDirFromEnvironment())
                .ruleset();
        ProfileReader reader = new ProfileReader(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        List<byte[]> bodies;
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            bodies = files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        return new Fixture(ruleset, reader, json, bodies, bodies.stream().map(b -> reader.read(b, RegionProfile.class)).toList());
    }
}
