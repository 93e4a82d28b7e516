package org.twincatalog.standards.citygml;

/**
 * Folds the coordinates of gml:pos, gml:posList and gml:coordinates text, delivered in chunks, into
 * a native 2D box of the first two axes. Holds one number at a time.
 */
final class CoordinateAccumulator {
    private static final int MAX_TOKEN = 64;

    private final char[] token = new char[MAX_TOKEN];
    private int length;
    private int axis;
    private int dimension;
    private boolean commaSeparated;
    private double first;
    private long tuples;

    /** min axis0, min axis1, max axis0, max axis1 */
    final double[] box = {
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY
    };

    /** Starts a new coordinate element; {@code commaSeparated} for gml:coordinates. */
    void start(int dimension, boolean commaSeparated) {
        this.dimension = Math.max(2, dimension);
        this.commaSeparated = commaSeparated;
        this.length = 0;
        this.axis = 0;
    }

    void feed(char[] chars, int start, int count) {
        for (int i = start; i < start + count; i++) {
            char c = chars[i];
            if (Character.isWhitespace(c)) {
                endToken();
                if (commaSeparated) {
                    axis = 0;
                }
            } else if (commaSeparated && c == ',') {
                endToken();
            } else {
                if (length == MAX_TOKEN) {
                    throw new NumberFormatException("Coordinate longer than " + MAX_TOKEN + " characters");
                }
                token[length++] = c;
            }
        }
    }

    void end() {
        endToken();
    }

    long tuples() {
        return tuples;
    }

    boolean isEmpty() {
        return tuples == 0;
    }

    private void endToken() {
        if (length == 0) {
            return;
        }
        double value = Double.parseDouble(new String(token, 0, length));
        length = 0;
        int index = commaSeparated ? axis : axis % dimension;
        if (index == 0) {
            first = value;
        } else if (index == 1) {
            box[0] = Math.min(box[0], first);
            box[2] = Math.max(box[2], first);
            box[1] = Math.min(box[1], value);
            box[3] = Math.max(box[3], value);
            tuples++;
        }
        axis++;
    }
}
