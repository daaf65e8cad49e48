package io.nqpf.advisor.spreadsheets;

/**
 * What the service reads of one uploaded sheet, whatever the client sends.
 *
 * @param bytes         the largest file, as sent
 * @param rows          the most rows of regions
 * @param expandedBytes the most bytes any one part of a workbook may expand to
 * @param stringChars   the most characters of a workbook's shared text table (held in memory while it is read)
 * @param entries       the most parts (zip entries) of a workbook
 */
public record SheetLimits(long bytes, int rows, long expandedBytes, long stringChars, int entries) {

    /** Columns beyond the 16,384 of Excel are not read. */
    static final int MAX_COLUMNS = 16_384;
    /** Rows above the header that are searched for it. */
    static final int HEADER_SEARCH = 10;
}
