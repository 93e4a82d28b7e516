package org.twincatalog.standards.citygml;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.crs.Wgs84Transformer;

/**
 * Reads the metadata a publisher would otherwise type from CityGML: a single file, a folder (a
 * PLATEAU package with {@code udx/<type>/...gml}) or a zip of one.
 *
 * <p>Every file is streamed once with a hardened StAX reader (see {@code
 * docs/adr/0004-citygml-inspection.md}); memory does not grow with file size. A file with a DOCTYPE,
 * a zip entry escaping its folder or a zip bomb raises {@link
 * org.twincatalog.standards.UnsafeInputException}; non-XML or non-CityGML content raises {@link
 * InvalidInputException}. Thread-safe.
 */
public final class CityGmlInspector {
    private static final int BUFFER = 1 << 16;

    private final InspectionLimits limits;
    private final FileInspections inspections = new FileInspections(new Wgs84Transformer());

    public CityGmlInspector() {
        this(InspectionLimits.DEFAULT);
    }

    public CityGmlInspector(InspectionLimits limits) {
        this.limits = limits;
    }

    /**
     * Inspects a .gml file, a folder (all .gml files below it) or a .zip.
     *
     * @throws InvalidInputException when the path does not exist or holds no CityGML
     */
    public PackageInspection inspect(Path path) {
        if (Files.isDirectory(path)) {
            return inspectFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("No such file or folder: " + path);
        }
        String name = path.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return inspectZip(path);
        }
        try (InputStream in = Files.newInputStream(path)) {
            return PackageInspection.of(name, null, List.of(inspect(name, in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inspects one CityGML document from a stream (e.g. an upload). The stream is read to its end but
     * not closed.
     *
     * @param path the name to report and to parse PLATEAU naming from
     */
    public FileInspection inspect(String path, InputStream in) {
        Counting counting = new Counting(in);
        ScanResult scan = CityGmlScanner.scan(new BufferedInputStream(counting, BUFFER), path);
        return inspections.from(path, counting.count, scan);
    }

    private PackageInspection inspectFolder(Path folder) {
        List<FileInspection> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile)
                    .filter(CityGmlInspector::isGml)
                    .sorted()
                    .toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(p)) {
                    files.add(inspect(rel, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = folder.getFileName() == null
                ? folder.toString()
                : folder.getFileName().toString();
        requireFiles(files, name);
        return PackageInspection.of(name, PlateauPackageName.parse(name).orElse(null), files);
    }

    private PackageInspection inspectZip(Path zip) {
        List<FileInspection> files = new ArrayList<>();
        List<String> names;
        try {
            names = new ZipSource(limits).forEachCityGml(zip, (entry, in) -> files.add(inspect(entry, in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String zipName = zip.getFileName().toString();
        requireFiles(files, zipName);
        String top = commonTopFolder(names);
        PlateauPackageName fromTop =
                top == null ? null : PlateauPackageName.parse(top).orElse(null);
        if (fromTop == null) {
            return PackageInspection.of(
                    zipName, PlateauPackageName.parse(zipName).orElse(null), files);
        }
        List<FileInspection> stripped =
                files.stream().map(f -> relocate(f, top.length() + 1)).toList();
        return PackageInspection.of(zipName, fromTop, stripped);
    }

    private static FileInspection relocate(FileInspection f, int prefix) {
        return new FileInspection(
                f.path().substring(prefix),
                f.sizeBytes(),
                f.citygmlVersion(),
                f.adeNamespaces(),
                f.iurVersion(),
                f.epsg(),
                f.crsUri(),
                f.bbox(),
                f.lods(),
                f.cityObjectCounts(),
                f.plateauName(),
                f.warnings());
    }

    /**
     * The first path segment shared by every entry name, or null when an entry lies at the top or
     * the entries do not share one. A zip of a PLATEAU package has the package folder there.
     */
    public static String commonTopFolder(List<String> names) {
        String top = null;
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash <= 0) {
                return null;
            }
            String first = n.substring(0, slash);
            if (top != null && !top.equals(first)) {
                return null;
            }
            top = first;
        }
        return top;
    }

    private static void requireFiles(List<FileInspection> files, String name) {
        if (files.isEmpty()) {
            throw new InvalidInputException(name + ": no CityGML (.gml) files found");
        }
    }

    private static boolean isGml(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gml");
    }

    /** Counts the bytes read, so sizes of zip entries are the inflated ones. */
    private static final class Counting extends FilterInputStream {
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }
}
