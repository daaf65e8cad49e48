package io.nqpf.advisor.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Drools compiler message said in an author's words: without error codes, Java package names or the expression
 * compiler's multi-line excerpts, and with the word it concerns, to place the column where Drools gives none.
 *
 * @param subject the text in the DRL the message is about, or null
 */
record DrlErrorText(String message, String subject) {

    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+] Line \\d+:\\d+ ");
    private static final Pattern UNEXPECTED = Pattern.compile("(?:mismatched|extraneous) input '([^']*)'|"
            + "no viable alternative at input '([^']*)'");
    private static final Pattern NO_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: (?:[\\w$]+\\.)*?([A-Z][\\w$]*)\\.(\\w+)\\(\\)");
    private static final Pattern NO_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)");

    static DrlErrorText of(String text) {
        Matcher noField = NO_FIELD.matcher(text);
        if (noField.find()) {
            return new DrlErrorText(noField.group(1) + " has no field '" + noField.group(2) + "'", noField.group(2));
        }
        Matcher noType = NO_TYPE.matcher(text);
        if (noType.find()) {
            return new DrlErrorText("unknown fact type '" + noType.group(1)
                    + "': check its spelling and the file's imports", noType.group(1));
        }
        // the expression compiler appends "[Near : {...}]", a caret line and its own position: the first line says it
        String first = PARSER_PREFIX.matcher(text.lines().findFirst().orElse("")).replaceFirst("");
        Matcher unexpected = UNEXPECTED.matcher(first);
        String subject = null;
        if (unexpected.find()) {
            subject = unexpected.group(1) != null ? unexpected.group(1) : unexpected.group(2);
            first = unexpected.replaceFirst(Matcher.quoteReplacement("unexpected '" + subject + "'"));
        }
        return new DrlErrorText(QUALIFIED.matcher(first).replaceAll("$1"), subject);
    }

    /** The column (from 1) of {@code subject} on line {@code line} of a DRL text, 0 when it is not there. */
    static int column(String drl, int line, String subject) {
        String text = drl.lines().skip(Math.max(line - 1, 0)).findFirst().orElse("");
        int at = subject.isEmpty() ? -1 : text.indexOf(subject);
        return at < 0 ? 0 : at + 1;
    }
}
