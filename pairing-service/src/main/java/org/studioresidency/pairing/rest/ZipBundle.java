package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.service.PairingException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The CSV files wanted from an uploaded zip, each streamed to a temporary file (never held in memory). What one
 * upload can make us inflate is bounded: at most {@link #MAX_ENTRIES} entries, {@link #MAX_ENTRY_BYTES} per file and
 * {@link #MAX_TOTAL_BYTES} in all, counting the entries we skip; an entry whose declared size is over a limit is refused
 * before it is inflated, and any other as soon as it crosses one.
 */
final class ZipBundle implements AutoCloseable {

    static final int MAX_ENTRIES = 64;
    static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 100L * 1024 * 1024;

    private final Map<String, Path> files = new HashMap<>();

    private ZipBundle() {
    }

    /** Extracts the entries named in {@code wanted} (by file name, any folder); the field name is for the error. */
    static ZipBundle extract(Path zipFile, Set<String> wanted, String field) {
        ZipBundle bundle = new ZipBundle();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new PairingException.InvalidField(field, "holds more than " + MAX_ENTRIES + " files");
                }
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.getSize() > MAX_ENTRY_BYTES) {
                    throw new PairingException.InvalidField(field, name + " is larger than " + mb(MAX_ENTRY_BYTES));
                }
                if (entry.getSize() > MAX_TOTAL_BYTES - total) {
                    throw new PairingException.InvalidField(field, "expands to more than " + mb(MAX_TOTAL_BYTES));
                }
                boolean keep = !entry.isDirectory() && wanted.contains(name) && !bundle.files.containsKey(name);
                Path target = keep ? Files.createTempFile("import-", ".csv") : null;
                if (keep) {
                    bundle.files.put(name, target);
                }
                try (OutputStream out = keep ? Files.newOutputStream(target) : OutputStream.nullOutputStream()) {
                    long size = copy(zip, out, Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total));
                    if (size < 0) {
                        throw new PairingException.InvalidField(field, MAX_TOTAL_BYTES - total < MAX_ENTRY_BYTES
                                ? "expands to more than " + mb(MAX_TOTAL_BYTES) : name + " is larger than " + mb(MAX_ENTRY_BYTES));
                    }
                    total += size;
                }
            }
        } catch (PairingException e) {
            bundle.close();
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            bundle.close();
            throw new PairingException.InvalidField(field, "is not a readable zip file");
        }
        return bundle;
    }

    /** The extracted file, or null when the zip has none of that name. */
    InputStream open(String name) {
        Path file = files.get(name);
        try {
            return file == null ? null : Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        files.values().forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the JVM's temp directory is cleaned on restart
            }
        });
    }

    /** Copies at most {@code limit} bytes; -1 when the entry holds more. */
    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            copied += read;
            if (copied > limit) {
                return -1;
            }
            out.write(buffer, 0, read);
        }
        return copied;
    }

    private static String mb(long bytes) {
        return bytes / (1024 * 1024) + " MB";
    }
}
