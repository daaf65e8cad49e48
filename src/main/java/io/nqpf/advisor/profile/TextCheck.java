package io.nqpf.advisor.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text a request may carry: UTF-8 only (no overlong forms, no encoded surrogates, no other encoding guessed from the
 * first bytes), and no string holding a bidirectional embedding, override or isolate control, which can make a name
 * display other than it reads, nor a lone surrogate, which is no character.
 */
public final class TextCheck {

    private TextCheck() {
    }

    /**
     * Refuses a body that is not UTF-8, naming the byte where it stops being so.
     *
     * @return whether the body is plain: it holds no bidirectional control and no {@code \\u} escape (which could
     *         spell one, or a lone surrogate), so that {@link #check(JsonNode)} can find nothing in any of its strings
     */
    public static boolean requireUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        // UTF-8 never decodes to more chars than it has bytes
        CharBuffer out = CharBuffer.allocate(Math.max(1, Math.min(body.length, 8192)));
        boolean plain = true;
        char last = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                throw malformed(in.position());
            }
            char[] chars = out.array();
            for (int i = 0, n = out.position(); i < n && plain; i++) {
                char c = chars[i];
                plain = !isBidiControl(c) && !(c == 'u' && last == '\\');
                last = c;
            }
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        if (decoder.flush(out).isError()) {
            throw malformed(in.position());
        }
        return plain;
    }

    private static InvalidProfileException malformed(int at) {
        return new InvalidProfileException(ProfileReader.MALFORMED, List.of(Violation.of("", "body.not-utf8", at)));
    }

    /** Adds a violation for each string (value or member name) below {@code node} that carries a forbidden character. */
    public static void check(JsonNode node, String path, List<Violation> violations) {
        if (violations.size() > Violation.MAX_LISTED) {
            return;
        }
        if (node.isTextual()) {
            forbidden(node.textValue(), path, violations);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", violations);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String at = path.isEmpty() ? member.getKey() : path + "." + member.getKey();
                forbidden(member.getKey(), at, violations);
                check(member.getValue(), at, violations);
            }
        }
    }

    /** The violations of all strings below {@code node}. */
    public static List<Violation> check(JsonNode node) {
        List<Violation> violations = new ArrayList<>();
        check(node, "", violations);
        return violations;
    }

    private static void forbidden(String text, String path, List<Violation> violations) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBidiControl(c)) {
                violations.add(Violation.of(path, "text.bidi", hex(c)));
                return;
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    violations.add(Violation.of(path, "text.surrogate", hex(c)));
                    return;
                }
                i++;
            }
        }
    }

    /** U+202A..U+202E (embeddings, overrides, pop) and U+2066..U+2069 (isolates). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String hex(char c) {
        return String.format(Locale.ROOT, "%04X", (int) c);
    }
}
