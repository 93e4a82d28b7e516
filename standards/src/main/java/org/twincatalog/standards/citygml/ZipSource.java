package org.twincatalog.standards.citygml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.UnsafeInputException;
import org.twincatalog.standards.UnsafeInputException.Reason;

/**
 * Reads the entries of a zip without extracting it, refusing path traversal and zip bombs. Every
 * entry name is checked before any entry is read; sizes are counted on the inflated bytes actually
 * read, not on the sizes the zip declares. The inspector reads the CityGML entries through it, and
 * the node reads every entry of a package it stores (so both refuse the same zips).
 *
 * <p>One instance reads one zip (the inflated total is counted per instance). Not thread-safe.
 */
public final class ZipSource {
    /** Receives one entry's name and its bounded stream (valid only during the call). */
    public interface EntryHandler {
        void accept(String name, InputStream in) throws IOException;
    }

    private final InspectionLimits limits;
    private long totalRead;

    public ZipSource(InspectionLimits limits) {
        this.limits = limits;
    }

    /** Calls {@code handler} for each .gml entry, in zip order; returns the checked entry names. */
    List<String> forEachCityGml(Path zip, EntryHandler handler) throws IOException {
        return forEach(zip, true, handler);
    }

    /**
     * Calls {@code handler} for every file entry (not folders), in zip order, after checking all
     * names and the entry count; returns the checked entry names (folders included).
     *
     * @throws org.twincatalog.standards.UnsafeInputException on path traversal, too many entries,
     *     too many inflated bytes or an entry inflating too much
     * @throws InvalidInputException when the file is not a readable zip
     */
    public List<String> forEachFile(Path zip, EntryHandler handler) throws IOException {
        return forEach(zip, false, handler);
    }

    private List<String> forEach(Path zip, boolean gmlOnly, EntryHandler handler) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = checkedEntries(file);
            List<String> names = new ArrayList<>();
            for (ZipEntry e : entries) {
                names.add(e.getName());
                if (!e.isDirectory()
                        && (!gmlOnly
                                || e.getName()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .endsWith(".gml"))) {
                    try (InputStream in = new Bounded(file.getInputStream(e), e)) {
                        handler.accept(e.getName(), in);
                    }
                }
            }
            return names;
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException(zip.getFileName() + ": not a readable zip: " + e.getMessage(), e);
        }
    }

    private List<ZipEntry> checkedEntries(ZipFile file) {
        List<ZipEntry> entries = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = file.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (entries.size() == limits.maxZipEntries()) {
                throw new UnsafeInputException(
                        Reason.ZIP_TOO_MANY_ENTRIES, "Zip has more than " + limits.maxZipEntries() + " entries");
            }
            checkName(e.getName());
            entries.add(e);
        }
        return entries;
    }

    /** Refuses absolute names, drive letters, backslashes and any '..' segment. */
    public static void checkName(String name) {
        String n = name.replace('\\', '/');
        boolean traversal = name.contains("\\")
                || n.startsWith("/")
                || n.matches("^[A-Za-z]:.*")
                || List.of(n.split("/")).contains("..")
                || name.indexOf('\0') >= 0;
        if (traversal) {
            throw new UnsafeInputException(
                    Reason.ZIP_PATH_TRAVERSAL, "Zip entry escapes the package folder: '" + name + "'");
        }
    }

    /** Counts inflated bytes and enforces the total size and the per-entry ratio. */
    private final class Bounded extends FilterInputStream {
        private final ZipEntry entry;
        private long read;

        Bounded(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            totalRead += n;
            if (totalRead > limits.maxUncompressedBytes()) {
                throw new UnsafeInputException(
                        Reason.ZIP_TOO_LARGE, "Zip inflates to more than " + limits.maxUncompressedBytes() + " bytes");
            }
            long compressed = Math.max(1, entry.getCompressedSize());
            if (read > limits.ratioThresholdBytes() && read > compressed * limits.maxCompressionRatio()) {
                throw new UnsafeInputException(
                        Reason.ZIP_RATIO,
                        "Zip entry '" + entry.getName() + "' inflates more than " + limits.maxCompressionRatio()
                                + " times its compressed size");
            }
        }
    }
}
