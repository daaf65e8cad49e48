package io.nqpf.advisor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.profile.RegionProfile;
import jakarta.ws.rs.GET;
import io.nqpf.advisor.profile.Text;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The example profiles of the examples directory, which the web console offers as starting points. */
@Path("/api/v1/examples")
@Tag(name = "Examples", description = "Illustrative region profiles with invented figures (not official statistics), "
        + "ready to post or to start from")
public class ExampleResource {

    /** A file name without .json: lower-case words joined by hyphens; nothing else names an example. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Schema(name = "ExampleRef", description = "An example profile")
    public record ExampleRef(
            @Schema(description = "File name without .json; GET /api/v1/examples/{name} gives the profile",
                    example = "declining-coal-city") String name,
            @Schema(example = "example.beiling-coal") String regionId,
            @Schema(description = "The profile's name", example = "示例：北岭市（衰退型煤炭资源城市，虚构数据）") String title,
            @Schema(example = "2023") Integer year) {
    }

    private final java.nio.file.Path dir;
    private final ObjectMapper json;

    public ExampleResource(AdvisorConfig config, ObjectMapper json) {
        this.dir = java.nio.file.Path.of(config.examplesDir());
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listExamples", summary = "List the example profiles",
            description = "The profiles of the examples directory (advisor.examples-dir) by name; empty when there is "
                    + "none. All their figures are invented for illustration.")
    @APIResponse(responseCode = "200", description = "The examples in name order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ExampleRef.class)))
    public List<ExampleRef> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".json") && NAME.matcher(baseName(f)).matches())
                    .sorted().map(f -> ref(baseName(f))).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getExample", summary = "One example profile",
            description = "The profile as the file holds it, ready to post to /api/v1/recommendations.")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionProfile.class)))
    @APIResponse(responseCode = "404", description = "No example of this name; the detail names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String example(@Parameter(description = "File name without .json", example = "declining-coal-city")
            @PathParam("name") String name) {
        return read(name).orElseThrow(() -> new TextedWebException(404, Text.of("example.unknown", name)));
    }

    private Optional<ExampleRef> ref(String name) {
        return read(name).map(text -> {
            try {
                JsonNode profile = json.readTree(text);
                return new ExampleRef(name, profile.path("regionId").asText(null), profile.path("name").asText(null),
                        profile.path("year").isInt() ? profile.path("year").asInt() : null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    private Optional<String> read(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        java.nio.file.Path file = dir.resolve(name + ".json");
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String baseName(String file) {
        return file.substring(0, file.length() - ".json".length());
    }
}
