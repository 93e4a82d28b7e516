package org.twincatalog.hosting.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a representation (RFC 9110 section 14). {@link #parse} reads a {@code Range}
 * header: empty when the header is absent, unreadable or asks for several ranges (the whole file is
 * then answered, which the RFC allows); {@link Unsatisfiable} when it starts past the end.
 *
 * @param first the first byte, inclusive
 * @param last the last byte, inclusive
 */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("^\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*$");

    /** The number of bytes in the range. */
    public long length() {
        return last - first + 1;
    }

    /** {@code bytes first-last/size}, the Content-Range of a 206. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range {@code header} asks for in a representation of {@code size} bytes.
     *
     * @throws Unsatisfiable when the range is well-formed but selects no byte of the file
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Long.parseLong(m.group(2));
            if (first >= size) {
                throw new Unsatisfiable(size);
            }
            if (last < first) {
                return Optional.empty(); // invalid: ignored, the whole file is answered
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than a long holds: not a range we can read
        }
    }

    /** A Range that selects no byte: answer 416 with {@code Content-Range: bytes *}{@code /size}. */
    public static final class Unsatisfiable extends RuntimeException {
        private final long size;

        Unsatisfiable(long size) {
            super(null, null, false, false);
            this.size = size;
        }

        public long size() {
            return size;
        }
    }
}
