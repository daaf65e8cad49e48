package io.nqpf.advisor.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a piece of Java or MVEL source — a consequence or a constraint — with their offsets: comments are
 * skipped, string literals come whole and unescaped, so that nothing inside a comment or a string is mistaken for
 * code.
 */
final class SourceTokens {

    enum Type { STRING, WORD, NUMBER, SYMBOL }

    /** One token: {@code value} is a string literal's content, otherwise the token text. */
    record Token(Type type, String value, int offset) {
        boolean is(String symbol) {
            return type != Type.STRING && value.equals(symbol);
        }
    }

    private SourceTokens() {
    }

    static List<Token> of(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '"' || c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    value.append(source.charAt(j));
                    j++;
                }
                tokens.add(new Token(Type.STRING, value.toString(), i));
                i = Math.min(j + 1, n);
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(source.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Type.WORD, source.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(source.charAt(j)) || source.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(new Token(Type.NUMBER, source.substring(i, j), i));
                i = j;
            } else {
                tokens.add(new Token(Type.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }
}
