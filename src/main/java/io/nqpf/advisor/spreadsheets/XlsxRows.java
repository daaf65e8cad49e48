package io.nqpf.advisor.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rows of a worksheet part, pulled one at a time with StAX ({@code <row r="7"><c r="F7" t="s" s="3"><f>…</f>
 * <v>…</v></c></row>}): only the current row is held. A formula is read by its cached value ({@code <v>}); a formula
 * without one is reported as such, not computed.
 */
final class XlsxRows implements RowSource {

    private final InputStream in;
    private final XMLStreamReader xml;
    private final String sheetName;
    private final String prefix;
    private final List<String> strings;
    private final boolean[] percentStyles;
    private int lastRow;

    XlsxRows(InputStream in, String sheetName, List<String> strings, boolean[] percentStyles, SheetLimits limits)
            throws XMLStreamException {
        this.in = in;
        this.xml = XlsxWorkbook.xml(in);
        this.sheetName = sheetName;
        this.prefix = quoted(sheetName) + "!";
        this.strings = strings;
        this.percentStyles = percentStyles;
    }

    /** A sheet name as a reference writes it: quoted when it holds anything but letters, digits and _. */
    static String quoted(String name) {
        return name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? name
                : "'" + name.replace("'", "''") + "'";
    }

    @Override
    public String reference(int column, int row) {
        return prefix + RawCell.letters(column) + row;
    }

    @Override
    public SheetRow next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    int number = r == null ? lastRow + 1 : Integer.parseInt(r.trim());
                    lastRow = number;
                    List<RawCell> cells = cells(number);
                    if (!cells.isEmpty()) {
                        return new SheetRow(number, cells);
                    }
                }
            }
            return null;
        } catch (XMLStreamException | NumberFormatException e) {
            throw XlsxWorkbook.translate(e, sheetName);
        }
    }

    /** The cells of the row the reader stands at, up to its end tag. */
    private List<RawCell> cells(int row) throws XMLStreamException {
        List<RawCell> cells = new ArrayList<>();
        int column = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int at = ref == null ? -1 : RawCell.column(ref);
                column = at >= 0 ? at : column + 1;
                RawCell cell = cell(column);
                if (cell != null && column < SheetLimits.MAX_COLUMNS) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    /** The cell the reader stands at (its start tag), read up to its end tag; null when it holds nothing. */
    private RawCell cell(int column) throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        boolean formula = false;
        String value = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "f" -> {
                        formula = true;
                        xml.getElementText();
                    }
                    case "v" -> value = xml.getElementText();
                    case "is" -> inline = new StringBuilder();
                    case "t" -> {
                        if (inline != null) {
                            inline.append(xml.getElementText());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (inline != null && "inlineStr".equals(type)) {
            return RawCell.text(column, inline.toString());
        }
        if (value == null) {
            return formula ? new RawCell(column, RawCell.Type.FORMULA_WITHOUT_VALUE, "", false) : null;
        }
        if (type == null || type.equals("n")) {
            return new RawCell(column, RawCell.Type.NUMBER, value, percent(style));
        }
        return switch (type) {
            case "s" -> RawCell.text(column, sharedString(value));
            case "b" -> new RawCell(column, RawCell.Type.BOOLEAN, value.trim(), false);
            case "e" -> new RawCell(column, RawCell.Type.ERROR, value.trim(), false);
            default -> RawCell.text(column, value); // str (a formula's text), d (an ISO date)
        };
    }

    private String sharedString(String index) {
        try {
            int i = Integer.parseInt(index.trim());
            return i >= 0 && i < strings.size() ? strings.get(i) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private boolean percent(String style) {
        if (style == null) {
            return false;
        }
        try {
            int s = Integer.parseInt(style.trim());
            return s >= 0 && s < percentStyles.length && percentStyles[s];
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException | IOException e) {
            // closing a read-only part cannot lose anything
        }
    }
}
