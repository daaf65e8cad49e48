package io.nqpf.advisor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * A body is read in one pass when it can be (issue 20): whatever it holds, the answer is the one the tree read gives,
 * the same profile or the same refusal naming the same fields in the same words.
 */
class ProfileReaderTest {

    private static final ProfileReader READER = new ProfileReader(ProfileReader.validator(Validation.byDefaultProvider()
            .configure().messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()));
    private static final String OK = "{\"regionId\":\"r-1\",\"name\":\"示例市\",\"year\":2023,\"level\":\"COUNTY\"";

    /** The outcome of a read: the profile, or the refusal's title and violations as a user reads them. */
    private static String outcome(Supplier<RegionProfile> read) {
        try {
            return "profile " + read.get();
        } catch (InvalidProfileException e) {
            return e.title().key() + " " + e.violations().stream()
                    .map(v -> v.field() + " " + v.text().key() + " " + v.text().args() + ": " + v.text()).toList();
        }
    }

    private static String oneRead(byte[] body) {
        return outcome(() -> READER.read(body, RegionProfile.class));
    }

    private static String treeRead(byte[] body) {
        return outcome(() -> READER.read(ProfileReader.tree(body), RegionProfile.class));
    }

    private static String same(String body) {
        return same(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String same(byte[] body) {
        String answer = oneRead(body);
        assertEquals(treeRead(body), answer, new String(body, StandardCharsets.UTF_8));
        return answer;
    }

    @Test
    void goodProfilesAreReadAsTheTreeReadsThem() throws Exception {
        for (String example : List.of("declining-coal-city.json", "sparse-profile.json")) {
            assertTrue(same(Files.readAllBytes(Path.of("examples", example))).startsWith("profile "), example);
        }
        assertTrue(same(OK + ",\"economy\":{\"gdpPerCapitaYuan\":42000,\"gdpGrowthPct\":2.1},"
                + "\"asOf\":{\"talent\":2020},\"sources\":{\"talent\":\"第七次全国人口普查\"}}").startsWith("profile "));
        // an escape that is no bidirectional control nor a lone surrogate is read as sent
        String escaped = same(OK.replace("示例市", "\\u793a\\u4f8b\\u5e02 \\\\u202E \\ud83d\\ude00") + "}");
        assertTrue(escaped.contains("name=示例市 \\u202E \uD83D\uDE00"), escaped);
    }

    @Test
    void escapedControlsAndLoneSurrogatesAreRefusedAsBefore() {
        assertTrue(same(OK.replace("示例市", "abc\\u202Edef") + "}").contains("text.bidi"));
        assertTrue(same(OK.replace("示例市", "abc\\u2066def") + "}").contains("text.bidi"));
        assertTrue(same(OK.replace("示例市", "abc\u202Edef") + "}").contains("text.bidi"));
        assertTrue(same(OK.replace("示例市", "abc\\ud800def") + "}").contains("text.surrogate"));
        assertTrue(same(OK + ",\"sources\":{\"talent\":\"\\udc00\"}}").contains("text.surrogate"));
        // a control in the name of a member is found before the member is found unknown
        String key = same(OK + ",\"x\\u202E\":1}");
        assertTrue(key.contains("text.bidi") && !key.contains("field.unknown"), key);
    }

    @Test
    void malformedJsonIsFoundBeforeWhatTheFieldsHold() {
        // an unknown field, then broken JSON: the body is malformed, not a profile with an unknown field
        String answer = same(OK + ",\"colour\":1,\"year\":");
        assertTrue(answer.startsWith(ProfileReader.MALFORMED), answer);
        String twice = same(OK + ",\"year\":\"2023\"");
        assertTrue(twice.startsWith(ProfileReader.MALFORMED), twice);
        assertFalse(same(OK + "} {}").startsWith("profile "));
    }

    @Test
    void everyOtherRefusalIsTheTreeReadsOwn() {
        for (String body : List.of("", "   ", "null", "[]", "[" + OK + "}]", "\"text\"", "42", "{}",
                OK + ",\"year\":2024}", OK + ",\"colour\":\"red\"}", OK.replace("2023", "\"2023\"") + "}",
                OK.replace("2023", "2023.0") + "}", OK.replace("2023", "2023.5") + "}",
                OK.replace("2023", "99999999999999") + "}", OK.replace("\"COUNTY\"", "\"county\"") + "}",
                OK.replace("\"COUNTY\"", "null") + "}", OK + ",\"economy\":[]}",                 OK + ",\"economy\":{\"gdpPerCapitaYuan\":\"42000\"}}", OK + ",\"economy\":{\"primarySharePct\":90,"
                        + "\"secondarySharePct\":30,\"tertiarySharePct\":10}}",
                OK + ",\"economy\":{\"gdpGrowthPct\":1e400}}", OK + ",\"economy\":{\"highTechEnterprises\":-1}}",
                OK + ",\"typology\":{\"demonstrationZone\":1}}", OK + ",\"asOf\":{\"nowhere\":2020}}",
                OK + ",\"asOf\":{\"talent\":1999}}", OK + ",\"asOf\":{\"talent\":2020,\"talent\":2021}}",
                OK + ",\"sources\":{\"talent\":\" \"}}", OK.replace("r-1", "r 1") + "}",
                OK.replace("示例市", "") + "}", "{\"regionId\":\"r-1\"}")) {
            String answer = same(body);
            assertFalse(answer.startsWith("profile "), body + " → " + answer);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAtTheirPlace() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes((OK + ",\"sources\":{\"talent\":\"").getBytes(StandardCharsets.UTF_8));
        int at = body.size();
        body.writeBytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        body.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
        String answer = same(body.toByteArray());
        assertTrue(answer.contains(" body.not-utf8 [" + at + "]"), answer);
        // UTF-16 with a byte order mark is not guessed
        assertTrue(same((OK + "}").getBytes(StandardCharsets.UTF_16)).contains("body.not-utf8"));
        assertTrue(TextCheck.requireUtf8(new byte[0]));
        assertFalse(TextCheck.requireUtf8("{\"name\":\"\\u0041\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
