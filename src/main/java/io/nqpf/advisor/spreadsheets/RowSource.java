package io.nqpf.advisor.spreadsheets;

import java.io.Closeable;

/** The rows of one sheet, read one at a time from the file, in order. */
interface RowSource extends Closeable {

    /** The next row that holds a cell, or null after the last. */
    SheetRow next();

    /** A cell's reference as problems name it: {@code 地区!F7} in a workbook, {@code F7} in a CSV file. */
    String reference(int column, int row);
}
