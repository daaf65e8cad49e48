package io.nqpf.advisor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.WithDefault;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The defaults an operator reads in the README's configuration table are the ones the service runs with: the value in
 * {@code application.properties} where it sets one, else the {@code @WithDefault} of {@link AdvisorConfig}. The test
 * profiles turn several limits small so that tests reach them quickly (a build CPU limit of 8 s, an idle timeout of
 * 10 s, a write timeout of 1 s, ...); this is where the production values are held to what the README promises.
 */
class ConfiguredDefaultsTest {

    /** Limits that test profiles override: each must be in the table with the default the service really has. */
    private static final Map<String, String> OVERRIDDEN_IN_TESTS = Map.of(
            "advisor.rules.build-cpu-limit", "PT20S",
            "advisor.rules.build-time-limit", "PT90S",
            "quarkus.http.idle-timeout", "120S",
            "advisor.http.request-timeout", "PT30S",
            "advisor.http.write-timeout", "PT10S",
            "advisor.limits.requests-per-client", "8",
            "quarkus.http.limits.max-connections", "1024",
            "advisor.admin.login.free-failures", "5",
            "advisor.admin.login.max-wait", "PT5M");

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9.\\-]+)` \\| `[A-Z0-9_]+` \\| `([^`]*)`.*$",
            Pattern.MULTILINE);

    @Test
    void theReadmeTableNamesTheDefaultsTheServiceRunsWith() throws Exception {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        collect(AdvisorConfig.class, "advisor", defaults);
        String readme = Files.readString(Path.of("README.md"));
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher row = ROW.matcher(readme);
        while (row.find()) {
            documented.put(row.group(1), row.group(2));
        }
        int checked = 0;
        for (Map.Entry<String, String> d : documented.entrySet()) {
            String effective = properties.getProperty(d.getKey(), defaults.get(d.getKey()));
            if (effective != null) {
                assertEquals(effective, d.getValue(), "README default of " + d.getKey());
                checked++;
            }
        }
        assertTrue(checked >= OVERRIDDEN_IN_TESTS.size(), "only " + checked + " defaults checked");
        for (Map.Entry<String, String> limit : OVERRIDDEN_IN_TESTS.entrySet()) {
            String effective = properties.getProperty(limit.getKey(), defaults.get(limit.getKey()));
            assertEquals(limit.getValue(), effective, "the service's default of " + limit.getKey());
            if (documented.containsKey(limit.getKey())) {
                assertEquals(limit.getValue(), documented.get(limit.getKey()), "README default of " + limit.getKey());
            }
        }
    }

    /** The {@code @WithDefault} of every property of a config mapping, by its name (methods in kebab case). */
    private static void collect(Class<?> mapping, String prefix, Map<String, String> into) {
        for (Method m : mapping.getDeclaredMethods()) {
            if (m.getParameterCount() != 0 || m.isDefault() || java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String name = prefix + "." + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            WithDefault value = m.getAnnotation(WithDefault.class);
            if (value != null) {
                into.put(name, value.value());
            } else if (m.getReturnType().isInterface() && m.getReturnType().getDeclaringClass() != null
                    && m.getReturnType().getName().startsWith(AdvisorConfig.class.getName())) {
                collect(m.getReturnType(), name, into);
            }
        }
    }
}
