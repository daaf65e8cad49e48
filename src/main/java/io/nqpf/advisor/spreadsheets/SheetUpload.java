package io.nqpf.advisor.spreadsheets;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.BatchReader;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.service.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An uploaded sheet of regions (XLSX or CSV). The body is copied to a temporary file as it arrives, counted against
 * the limit, never held whole; the file is then read twice, row by row: once to find the header and check the whole
 * file (so that a file the service refuses is refused before any answer starts, whatever lies in its last row),
 * once more while the profiles are evaluated, each row bound to its profile only when its turn comes. The temporary
 * file is deleted on {@link #close()}.
 */
public final class SheetUpload implements AutoCloseable {

    /** The media types of an upload. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv";

    private final Path file;
    private final XlsxWorkbook workbook;
    private final SheetLayout layout;
    private final int rows;
    private final OfficeValues values;
    private final ProfileReader reader;

    private SheetUpload(Path file, XlsxWorkbook workbook, SheetLayout layout, int rows, OfficeValues values,
            ProfileReader reader) {
        this.file = file;
        this.workbook = workbook;
        this.layout = layout;
        this.rows = rows;
        this.values = values;
        this.reader = reader;
    }

    /**
     * Receives and checks an upload.
     *
     * @param csv whether the body is CSV (else XLSX)
     * @throws io.nqpf.advisor.profile.InvalidProfileException for a file that is no sheet of regions (400)
     * @throws PayloadTooLargeException for one past the limits (413)
     */
    public static SheetUpload receive(InputStream body, boolean csv, SheetLimits limits, Catalog catalog,
            ProfileReader reader) {
        Path file = spool(body, limits.bytes());
        XlsxWorkbook workbook = null;
        try {
            if (!csv) {
                workbook = XlsxWorkbook.open(file, limits, regionSheetNames());
            }
            SheetLayout layout;
            int count = 0;
            try (RowSource source = csv ? CsvRows.open(file) : workbook.rows()) {
                List<SheetRow> head = new ArrayList<>();
                SheetRow row;
                while (head.size() < SheetLimits.HEADER_SEARCH && (row = source.next()) != null) {
                    head.add(row);
                }
                layout = SheetLayout.of(head, source, catalog);
                for (SheetRow r : head) {
                    count += r.number() > layout.headerRow() && !r.blank() ? 1 : 0;
                }
                while ((row = source.next()) != null) {
                    if (!row.blank() && ++count > limits.rows()) {
                        throw SheetException.tooLarge("sheet.too-many-rows", limits.rows());
                    }
                }
                if (count > limits.rows()) {
                    throw SheetException.tooLarge("sheet.too-many-rows", limits.rows());
                }
            } catch (IOException e) {
                throw XlsxWorkbook.translate(e, "");
            }
            if (count == 0) {
                throw SheetException.invalid(null, "sheet.empty");
            }
            return new SheetUpload(file, workbook, layout, count, new OfficeValues(catalog), reader);
        } catch (RuntimeException e) {
            if (workbook != null) {
                workbook.close();
            }
            delete(file);
            throw e;
        }
    }

    /** The names the template gives its sheet of regions, in every language. */
    static List<String> regionSheetNames() {
        return java.util.Arrays.stream(Language.values()).map(l -> Words.get(l, "sheet.regions")).toList();
    }

    /** Rows of regions in the file (blank rows left out). */
    public int rows() {
        return rows;
    }

    /** The profiles of the rows, in order, each read when asked for; a bad row is an item with its problem. */
    public Iterator<BatchReader.Item> items() {
        RowSource source = workbook == null ? CsvRows.open(file) : workbook.rows();
        RowBinder binder = new RowBinder(layout, source, values, reader);
        return new Iterator<>() {
            private SheetRow next = advance();
            private int index;

            private SheetRow advance() {
                SheetRow row;
                do {
                    row = source.next();
                } while (row != null && (row.number() <= layout.headerRow() || row.blank()));
                if (row == null) {
                    try {
                        source.close();
                    } catch (IOException e) {
                        // read-only
                    }
                }
                return row;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BatchReader.Item next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                BatchReader.Item item = binder.bind(index++, next);
                next = advance();
                return item;
            }
        };
    }

    @Override
    public void close() {
        if (workbook != null) {
            workbook.close();
        }
        delete(file);
    }

    /** Copies the body to a temporary file, refusing it (413) as soon as it passes the limit. */
    private static Path spool(InputStream body, long limit) {
        Path file;
        try {
            file = Files.createTempFile("nqpf-sheet-", ".upload");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new PayloadTooLargeException(Text.of("body.too-large.at-least", limit + 1, limit));
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw SheetException.invalid(null, "body.empty");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw SheetException.invalid(null, "body.unreadable", e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
