package io.nqpf.advisor.spreadsheets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The workbooks' words exist in both languages, key for key, with the same arguments. */
class SheetWordsTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SheetWordsTest.class.getResourceAsStream("/messages/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyHasBothLanguagesWithTheSameArguments() throws IOException {
        Properties en = load("sheets.properties");
        Properties zh = load("sheets_zh_CN.properties");
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), onlyEn, "English keys without a zh-CN text");
        assertEquals(Set.of(), onlyZh, "zh-CN keys without an English text");
        for (String key : en.stringPropertyNames()) {
            assertEquals(new MessageFormat(en.getProperty(key)).getFormatsByArgumentIndex().length,
                    new MessageFormat(zh.getProperty(key)).getFormatsByArgumentIndex().length, key);
        }
    }

    @Test
    void officeTypedNumbersAreRead() {
        assertEquals(true, XlsxWorkbook.showsPercent("0.0%"));
        assertEquals(false, XlsxWorkbook.showsPercent("\"%\"0.0"));
        assertEquals(false, XlsxWorkbook.showsPercent("0.00"));
        assertEquals("AA", RawCell.letters(26));
        assertEquals(26, RawCell.column("AA12"));
        assertEquals(5, RawCell.column("F7"));
    }
}
