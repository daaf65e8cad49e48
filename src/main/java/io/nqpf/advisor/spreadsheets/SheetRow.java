package io.nqpf.advisor.spreadsheets;

import java.util.List;

/** One row of a sheet: its 1-based number as the sheet shows it, and its cells that hold something, by column. */
record SheetRow(int number, List<RawCell> cells) {

    boolean blank() {
        return cells.stream().allMatch(c -> c.type() == RawCell.Type.TEXT && c.text().isBlank());
    }
}
