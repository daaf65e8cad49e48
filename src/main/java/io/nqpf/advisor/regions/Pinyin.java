package io.nqpf.advisor.regions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The readings of a name in toneless pinyin (pinyin4j), one set per character because some characters have several
 * (重 chong/zhong), and a query matched against them: as full syllables run together (qitaihe, qitaih) or as the
 * initials of consecutive characters (qth), anywhere in the name.
 */
final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private final List<Set<String>> readings;

    private Pinyin(List<Set<String>> readings) {
        this.readings = readings;
    }

    /** The readings of each character of a name; a character without a reading (a letter, a digit) reads as itself. */
    static Pinyin of(String name) {
        List<Set<String>> readings = new ArrayList<>();
        for (char c : name.toCharArray()) {
            Set<String> set = new LinkedHashSet<>();
            try {
                String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
                if (all != null) {
                    set.addAll(List.of(all));
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (set.isEmpty()) {
                set.add(String.valueOf(c).toLowerCase(Locale.ROOT));
            }
            readings.add(set);
        }
        return new Pinyin(readings);
    }

    /** A query in Latin letters, lower case, without spaces, apostrophes or hyphens; null when it is not one. */
    static String query(String q) {
        String normal = q.toLowerCase(Locale.ROOT).replace("ü", "v").replaceAll("[\\s'’\\-]", "");
        return !normal.isEmpty() && normal.chars().allMatch(c -> c >= 'a' && c <= 'z') ? normal : null;
    }

    /** Whether the normalized query spells consecutive characters of the name, in full syllables or in initials. */
    boolean matches(String query) {
        for (int start = 0; start < readings.size(); start++) {
            if (syllables(start, query, 0) || initials(start, query)) {
                return true;
            }
        }
        return false;
    }

    /** Full syllables from character {@code at}; the last one may be cut short (qitaih). */
    private boolean syllables(int at, String q, int from) {
        if (from == q.length()) {
            return true;
        }
        if (at == readings.size()) {
            return false;
        }
        String rest = q.substring(from);
        for (String r : readings.get(at)) {
            if (r.startsWith(rest) || (rest.startsWith(r) && syllables(at + 1, q, from + r.length()))) {
                return true;
            }
        }
        return false;
    }

    private boolean initials(int at, String q) {
        if (at + q.length() > readings.size() || q.length() < 2) {
            return false;
        }
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (readings.get(at + i).stream().noneMatch(r -> r.charAt(0) == c)) {
                return false;
            }
        }
        return true;
    }
}
