package io.nqpf.advisor.spreadsheets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * An uploaded workbook (.xlsx), opened from its temporary file through POI's package reader, whose zip entries are
 * inflated under POI's zip-bomb guard (a part that expands more than 100 times its compressed size, or past the
 * limit, stops the read). Refuses what a planning office's sheet never needs and a hostile one might carry: macros,
 * links to other files and data connections. The shared text table and the number formats are read with StAX
 * within their limits; the rows of the chosen sheet are read by {@link XlsxRows}, one at a time.
 */
final class XlsxWorkbook implements AutoCloseable {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    /** Built-in number formats that show a percentage: 0% and 0.00%. */
    private static final int[] PERCENT_FORMATS = {9, 10};

    private final OPCPackage pkg;
    private final String sheetName;
    private final PackagePart sheet;
    private final List<String> strings;
    private final boolean[] percentStyles;
    private final SheetLimits limits;

    private XlsxWorkbook(OPCPackage pkg, String sheetName, PackagePart sheet, List<String> strings,
            boolean[] percentStyles, SheetLimits limits) {
        this.pkg = pkg;
        this.sheetName = sheetName;
        this.sheet = sheet;
        this.strings = strings;
        this.percentStyles = percentStyles;
        this.limits = limits;
    }

    /** Opens the workbook and reads its text table and formats; the sheet of regions is the one named so, else the first. */
    static XlsxWorkbook open(Path file, SheetLimits limits, List<String> regionSheetNames) {
        checkContainer(file, limits);
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(limits.expandedBytes());
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw translate(e, "");
        }
        try {
            refuseActiveContent(pkg);
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            String name = null;
            PackagePart part = null;
            while (sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    String candidate = sheets.getSheetName();
                    if (part == null || regionSheetNames.contains(candidate) && !regionSheetNames.contains(name)) {
                        name = candidate;
                        part = sheets.getSheetPart();
                    }
                }
            }
            if (part == null) {
                throw SheetException.invalid(null, "sheet.no-sheet");
            }
            List<String> strings = sharedStrings(pkg, limits);
            boolean[] percent = percentStyles(pkg, limits);
            return new XlsxWorkbook(pkg, name, part, strings, percent, limits);
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            throw translate(e, "");
        }
    }

    /** The sheet's rows, read anew from the file at each call. */
    RowSource rows() {
        try {
            return new XlsxRows(sheet.getInputStream(), sheetName, strings, percentStyles, limits);
        } catch (IOException | XMLStreamException e) {
            throw translate(e, sheet.getPartName().getName());
        }
    }

    String sheetName() {
        return sheetName;
    }

    @Override
    public void close() {
        pkg.revert();
    }

    /** Refuses a file that is no zip, an .xls or encrypted workbook (OLE2), and a zip of too many parts. */
    private static void checkContainer(Path file, SheetLimits limits) {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, 4);
            if (n == 4 && java.util.Arrays.equals(head, OLE2)) {
                throw SheetException.invalid(null, "sheet.xls");
            }
            if (n < 4 || !java.util.Arrays.equals(head, ZIP)) {
                throw SheetException.invalid(null, "sheet.not-zip");
            }
        } catch (IOException e) {
            throw SheetException.invalid(null, "sheet.not-xlsx", e.getMessage());
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.entries()) {
                throw SheetException.tooLarge("sheet.too-many-parts", zip.size(), limits.entries());
            }
        } catch (ZipException e) {
            throw SheetException.invalid(null, "sheet.not-xlsx", e.getMessage());
        } catch (IOException e) {
            throw SheetException.invalid(null, "sheet.not-xlsx", e.getMessage());
        }
    }

    /** Macros (a VBA project), links to other workbooks and data connections are refused before anything is read. */
    private static void refuseActiveContent(OPCPackage pkg) throws InvalidFormatException {
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName().toLowerCase(java.util.Locale.ROOT);
            String type = part.getContentType();
            if (name.endsWith("vbaproject.bin") || type.equals(XSSFRelation.MACROS_WORKBOOK.getContentType())
                    || type.contains("vbaProject") || type.contains("macroEnabled")) {
                throw SheetException.invalid(null, "sheet.macros");
            }
        }
        List<String> links = new ArrayList<>();
        for (PackagePart part : pkg.getParts()) {
            String name = part.getPartName().getName();
            if (name.startsWith("/xl/externalLinks/") && !name.contains("/_rels/") || name.equals("/xl/connections.xml")) {
                links.add(name);
            }
        }
        if (!links.isEmpty()) {
            throw SheetException.invalid(null, "sheet.external-links", String.join(", ", links));
        }
    }

    /** The shared text table, within its limit of characters (and of entries: an empty string costs one). */
    private static List<String> sharedStrings(OPCPackage pkg, SheetLimits limits) throws IOException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        List<String> strings = new ArrayList<>();
        if (parts.isEmpty()) {
            return strings;
        }
        long budget = limits.stringChars();
        try (InputStream in = parts.get(0).getInputStream()) {
            XMLStreamReader xml = xml(in);
            StringBuilder text = null;
            int depthInPhonetic = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String local = xml.getLocalName();
                    if (local.equals("si")) {
                        text = new StringBuilder();
                    } else if (local.equals("rPh")) {
                        depthInPhonetic++;
                    } else if (local.equals("t") && text != null && depthInPhonetic == 0) {
                        String t = xml.getElementText();
                        budget -= t.length();
                        if (budget < 0) {
                            throw SheetException.tooLarge("sheet.strings-too-large", limits.stringChars());
                        }
                        text.append(t);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    String local = xml.getLocalName();
                    if (local.equals("si") && text != null) {
                        if (--budget < 0) {
                            throw SheetException.tooLarge("sheet.strings-too-large", limits.stringChars());
                        }
                        strings.add(text.toString());
                        text = null;
                    } else if (local.equals("rPh")) {
                        depthInPhonetic--;
                    }
                }
            }
            xml.close();
        }
        return strings;
    }

    /** For each cell style (index of {@code s}): whether its number format shows a percentage. */
    private static boolean[] percentStyles(OPCPackage pkg, SheetLimits limits) throws IOException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return new boolean[0];
        }
        Map<Integer, String> custom = new HashMap<>();
        List<Integer> formats = new ArrayList<>();
        try (InputStream in = parts.get(0).getInputStream()) {
            XMLStreamReader xml = xml(in);
            boolean inCellXfs = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (xml.getLocalName()) {
                        case "numFmt" -> custom.put(integer(xml.getAttributeValue(null, "numFmtId")),
                                String.valueOf(xml.getAttributeValue(null, "formatCode")));
                        case "cellXfs" -> inCellXfs = true;
                        case "xf" -> {
                            if (inCellXfs) {
                                if (formats.size() >= 65_536) {
                                    throw SheetException.tooLarge("sheet.part-too-large", "styles", 65_536);
                                }
                                formats.add(integer(xml.getAttributeValue(null, "numFmtId")));
                            }
                        }
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("cellXfs")) {
                    inCellXfs = false;
                }
            }
            xml.close();
        }
        boolean[] percent = new boolean[formats.size()];
        for (int i = 0; i < percent.length; i++) {
            int id = formats.get(i);
            percent[i] = java.util.Arrays.stream(PERCENT_FORMATS).anyMatch(p -> p == id)
                    || custom.containsKey(id) && showsPercent(custom.get(id));
        }
        return percent;
    }

    /** Whether a format code shows a percentage: a % outside quotes, brackets and escapes. */
    static boolean showsPercent(String code) {
        boolean quoted = false;
        int bracket = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket++;
            } else if (!quoted && c == ']') {
                bracket--;
            } else if (!quoted && bracket == 0 && c == ';') {
                return false; // the first section decides
            } else if (!quoted && bracket == 0 && c == '%') {
                return true;
            }
        }
        return false;
    }

    private static int integer(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static final XMLInputFactory XML = secureFactory();

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /** A StAX reader of a part: no DTD, no external entities. */
    static XMLStreamReader xml(InputStream in) throws XMLStreamException {
        return XML.createXMLStreamReader(in);
    }

    /**
     * A failure of POI or of the XML reader as the problem it is: a zip bomb (413), a part that is no XML or no zip
     * (400). Refusals already made pass through.
     */
    static RuntimeException translate(Throwable e, String part) {
        if (e instanceof io.nqpf.advisor.profile.InvalidProfileException
                || e instanceof io.nqpf.advisor.service.PayloadTooLargeException) {
            return (RuntimeException) e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return SheetException.tooLarge("sheet.zip-bomb");
            }
            if (t instanceof io.nqpf.advisor.profile.InvalidProfileException
                    || t instanceof io.nqpf.advisor.service.PayloadTooLargeException) {
                return (RuntimeException) t;
            }
        }
        if (e instanceof XMLStreamException x) {
            return SheetException.invalid(null, "sheet.malformed", part, x.getMessage());
        }
        if (e instanceof POIXMLException || e instanceof OpenXML4JException || e instanceof OpenXML4JRuntimeException
                || e instanceof IOException || e instanceof org.apache.poi.UnsupportedFileFormatException
                || e instanceof IllegalArgumentException) {
            return SheetException.invalid(null, "sheet.not-xlsx", e.getMessage());
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
}
