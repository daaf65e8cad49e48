package io.nqpf.advisor.spreadsheets;

/**
 * A cell as the file holds it, before it is read for a column: its 0-based column, what kind of value it holds, the
 * value's text (a number as the file writes it, "0.153"; a string; "1" or "0" for a boolean; the error code) and
 * whether its number format shows a percentage.
 */
public record RawCell(int column, Type type, String text, boolean percentFormat) {

    public enum Type {
        /** A string, typed or computed; every cell of a CSV file. */
        TEXT,
        /** A number, the cached result of a formula included. */
        NUMBER,
        BOOLEAN,
        /** An error value such as #DIV/0! or #N/A. */
        ERROR,
        /** A formula whose result the file does not hold (written by a program that does not compute). */
        FORMULA_WITHOUT_VALUE
    }

    public static RawCell text(int column, String text) {
        return new RawCell(column, Type.TEXT, text, false);
    }

    /** The column's letters: 0 is A, 26 is AA. */
    public static String letters(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }

    /** The 0-based column of a reference such as F7 or AA12; -1 when it has no letters. */
    public static int column(String reference) {
        int column = 0;
        int i = 0;
        for (; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
        }
        return i == 0 ? -1 : column - 1;
    }
}
