package org.studioresidency.pairing.service.imports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.studioresidency.pairing.service.PairingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A CSV file with a header row, read whole (files are small enough: a district's schools and staff). */
record CsvFile(String name, List<String> header, List<CSVRecord> records) {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).setAllowMissingColumnNames(false)
            .get();

    /** What the UTF-8 decoder puts where the bytes are not UTF-8; never stored, the file is refused instead. */
    private static final char NOT_UTF8 = '\uFFFD';

    static CsvFile read(String name, InputStream content, Set<String> requiredColumns) {
        try (Reader reader = new InputStreamReader(withoutBom(content), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = requiredColumns.stream().filter(c -> !header.contains(c)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new PairingException.InvalidField(name, "misses the column(s) " + String.join(", ", missing));
            }
            if (header.stream().anyMatch(h -> h.indexOf(NOT_UTF8) >= 0)) {
                throw new PairingException.InvalidField(name, "row 1 (the header) is not UTF-8 text; save the file as UTF-8 and import it again");
            }
            List<CSVRecord> records = new ArrayList<>(parser.getRecords());
            for (CSVRecord record : records) {
                for (int column = 0; column < record.size(); column++) {
                    if (record.get(column).indexOf(NOT_UTF8) >= 0) {
                        throw new PairingException.InvalidField(name, "row " + line(record) + ", column "
                                + (column < header.size() ? header.get(column) : String.valueOf(column + 1))
                                + " is not UTF-8 text (a byte the file's encoding, perhaps Latin-1, wrote differently); save the file as UTF-8 and import it again");
                    }
                }
            }
            return new CsvFile(name, header, records);
        } catch (PairingException e) {
            throw e;
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new PairingException.InvalidField(name, "is not a readable CSV file with a header row");
        }
    }

    static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Line in the file: records count from 1 after the header line. */
    static long line(CSVRecord record) {
        return record.getRecordNumber() + 1;
    }

    private static InputStream withoutBom(InputStream in) throws IOException {
        java.io.PushbackInputStream pushback = new java.io.PushbackInputStream(in, 3);
        byte[] bom = new byte[3];
        int read = pushback.read(bom, 0, 3);
        if (read == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) {
            return pushback;
        }
        if (read > 0) {
            pushback.unread(bom, 0, read);
        }
        return pushback;
    }
}
