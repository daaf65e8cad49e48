package io.nqpf.advisor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nqpf.advisor.knowledge.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The problem texts exist in both languages, key for key, and every pattern is a valid MessageFormat. */
class ProblemBundleTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemBundleTest.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyHasBothLanguages() throws IOException {
        Set<String> en = new TreeSet<>(load("problems.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("problems_zh_CN.properties").stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        assertEquals(Set.of(), onlyEn, "English keys without a zh-CN text");
        assertEquals(Set.of(), onlyZh, "zh-CN keys without an English text");
        assertFalse(en.isEmpty());
    }

    @Test
    void everyPatternFormatsWithTheSameArgumentsInBothLanguages() throws IOException {
        Properties en = load("problems.properties");
        Properties zh = load("problems_zh_CN.properties");
        for (String key : en.stringPropertyNames()) {
            int enArgs = new MessageFormat(en.getProperty(key)).getFormatsByArgumentIndex().length;
            int zhArgs = new MessageFormat(zh.getProperty(key)).getFormatsByArgumentIndex().length;
            assertEquals(enArgs, zhArgs, key + " takes different arguments in the two languages");
        }
    }

    @Test
    void textsRenderInTheAskedLanguageWithNestedTexts() {
        Text text = Text.of("violation.was", Text.of("query.year", "2015"), "2015");
        assertEquals("must be 2010 or 2020 (was 2015) (was 2015)", text.in(Language.EN));
        assertEquals("须为 2010 或 2020（收到 2015）（收到 2015）", text.in(Language.ZH_CN));
        assertEquals("unknown field 'population'", Text.of("field.unknown", "population").in(Language.EN));
        assertNotEquals(Text.of("title.malformed").in(Language.EN), Text.of("title.malformed").in(Language.ZH_CN));
    }
}
