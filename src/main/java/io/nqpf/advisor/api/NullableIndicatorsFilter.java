package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.RegionProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * In the region profile every field but the required four may be null, meaning "unknown". The generated
 * document says so ({@code nullable: true}) for every optional property of the profile's schemas, so that
 * clients validating against it may send null. It also adds the admission answers and the response contract
 * ({@link AdmissionResponses}, {@link ResponseContract}). It runs when the service is packaged, not at each start:
 * the document it shapes depends on the code only (issue 20, start-up).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class NullableIndicatorsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        AdmissionResponses.add(openAPI);
        ResponseContract.apply(openAPI);
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        for (String name : profileSchemas()) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            if (!name.equals("RegionProfile") && !schema.getType().contains(Schema.SchemaType.NULL)) {
                schema.addType(Schema.SchemaType.NULL);
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            schema.getProperties().forEach((property, s) -> {
                if (!required.contains(property)) {
                    nullable(schema, property, s);
                }
            });
        }
    }

    /**
     * A plain property gains the null type. A reference to a group is left alone: the group's own schema is made
     * nullable instead, the form OpenAPI 3.0 validators honour for references.
     */
    private static void nullable(Schema parent, String property, Schema s) {
        if (s.getRef() != null) {
            return;
        } else if (s.getType() != null && !s.getType().contains(Schema.SchemaType.NULL)) {
            s.addType(Schema.SchemaType.NULL);
        } else if (s.getType() == null && s.getEnumeration() != null) {
            s.addType(Schema.SchemaType.STRING).addType(Schema.SchemaType.NULL);
        }
    }

    private static Set<String> profileSchemas() {
        Set<String> names = new HashSet<>();
        names.add("RegionProfile");
        for (RecordComponent c : RegionProfile.class.getRecordComponents()) {
            if (c.getType().isRecord()) {
                names.add(c.getType().getSimpleName());
            }
        }
        return names;
    }
}
