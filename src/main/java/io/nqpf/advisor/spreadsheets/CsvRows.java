package io.nqpf.advisor.spreadsheets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of a CSV file, read one record at a time with Commons CSV. The template's CSV is UTF-8 with a byte order
 * mark, which Excel needs to show Chinese; a file without one that is not valid UTF-8 is read as GB 18030, the
 * encoding Chinese Excel saves "CSV (逗号分隔)" in. A header whose first line has more tabs than commas is read as
 * tab-separated (a sheet copied out of Excel).
 */
final class CsvRows implements RowSource {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
    }

    /** Opens the file in the encoding and with the separator it was written with. */
    static CsvRows open(Path file) {
        try {
            Charset charset = encoding(file);
            char separator = separator(file, charset);
            Reader reader = new BufferedReader(new InputStreamReader(skipBom(Files.newInputStream(file)), charset));
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                    .setTrim(false).get();
            return new CsvRows(CSVParser.builder().setReader(reader).setFormat(format).get());
        } catch (IOException e) {
            throw SheetException.invalid(null, "csv.unreadable", e.getMessage());
        }
    }

    @Override
    public String reference(int column, int row) {
        return RawCell.letters(column) + row;
    }

    @Override
    public SheetRow next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int number = (int) record.getRecordNumber();
                List<RawCell> cells = new ArrayList<>();
                for (int i = 0; i < record.size() && i < SheetLimits.MAX_COLUMNS; i++) {
                    if (!record.get(i).isEmpty()) {
                        cells.add(RawCell.text(i, record.get(i)));
                    }
                }
                if (!cells.isEmpty()) {
                    return new SheetRow(number, cells);
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw SheetException.invalid(null, "csv.unreadable", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written
        }
    }

    /** UTF-8 when the file has its byte order mark or decodes as UTF-8 throughout; GB 18030 otherwise. */
    private static Charset encoding(Path file) throws IOException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[64 * 1024];
            ByteBuffer pending = ByteBuffer.allocate(chunk.length + 8);
            CharBuffer out = CharBuffer.allocate(chunk.length + 8);
            int n;
            boolean first = true;
            while ((n = in.read(chunk)) > 0) {
                if (first && n >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB && (chunk[2] & 0xFF) == 0xBF) {
                    return StandardCharsets.UTF_8;
                }
                first = false;
                pending.put(chunk, 0, n).flip();
                out.clear();
                if (utf8.decode(pending, out, false).isError()) {
                    return GB18030;
                }
                pending.compact();
            }
            pending.flip();
            out.clear();
            if (utf8.decode(pending, out, true).isError() || utf8.flush(out).isError()) {
                return GB18030;
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    /** A comma, or a tab when the first line has more tabs than commas. */
    private static char separator(Path file, Charset charset) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset))) {
            char[] head = new char[64 * 1024];
            int n = reader.read(head);
            int commas = 0;
            int tabs = 0;
            for (int i = 0; i < Math.max(n, 0) && head[i] != '\n'; i++) {
                commas += head[i] == ',' ? 1 : 0;
                tabs += head[i] == '\t' ? 1 : 0;
            }
            return tabs > commas ? '\t' : ',';
        }
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int n = pushback.readNBytes(bom, 0, 3);
        if (!(n == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) && n > 0) {
            pushback.unread(bom, 0, n);
        }
        return pushback;
    }
}
