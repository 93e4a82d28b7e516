package org.twincatalog.catalog.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.twincatalog.catalog.Violation;

/**
 * The text a record may hold: what every output (JSON, Turtle, JSON-LD, RDF/XML, CKAN, OGC
 * Records, SPARQL results) can carry. Refused: C0 control characters other than tab, LF and CR
 * (XML 1.0 cannot carry them at all), unpaired UTF-16 surrogates (no UTF-8 encoder can write
 * them) and the non-characters U+FFFE and U+FFFF (not XML characters either). Titles and names
 * also refuse the bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069), which can make a name read as another one.
 */
public final class PlainText {
    private PlainText() {}

    /**
     * What is wrong with a text, or null if it may be stored.
     *
     * @param label whether the text is a title or a name, which must not reorder its characters
     */
    public static String problem(String text, boolean label) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired surrogate " + codePoint(c) + " at character " + (i + 1)
                        + "; text must be valid Unicode";
            } else if (isControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                return "holds the control character " + codePoint(c) + " at character " + (i + 1)
                        + "; only tab, line feed and carriage return are allowed";
            } else if (label && isBidiControl(c)) {
                return "holds the bidirectional control character " + codePoint(c) + " at character " + (i + 1)
                        + "; titles and names must not reorder their text";
            }
        }
        return null;
    }

    /**
     * A violation for each string, and each object key, of a JSON tree that {@link #problem}
     * refuses, with its pointer under {@code pointer}; strings below a {@code title} or {@code
     * name} member are labels.
     */
    static List<Violation> problems(String pointer, JsonNode node) {
        List<Violation> found = new ArrayList<>();
        walk(pointer, node, false, found);
        return found;
    }

    private static void walk(String at, JsonNode node, boolean label, List<Violation> found) {
        if (node.isTextual()) {
            String problem = problem(node.textValue(), label);
            if (problem != null) {
                found.add(new Violation(at, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(at + "/" + i, node.get(i), label, found);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String key = member.getKey();
                String child = at + "/" + Violations.escape(key);
                String keyProblem = problem(key, false);
                if (keyProblem != null) {
                    found.add(new Violation(child, "the member name " + keyProblem));
                }
                walk(child, member.getValue(), label || key.equals("title") || key.equals("name"), found);
            }
        }
    }

    /**
     * A text that every output can carry: C0 controls other than tab, LF and CR and the
     * non-characters U+FFFE, U+FFFF dropped, unpaired surrogates replaced by U+FFFD. For text
     * stored before it was checked on the way in. The same instance when nothing is to change.
     */
    public static String clean(String text) {
        return clean(text, false);
    }

    /**
     * {@link #clean(String)}, and for a title or a name ({@code label}) the bidirectional controls
     * dropped too, so that no stored title can reorder its text in any output.
     */
    public static String clean(String text, boolean label) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean bad = Character.isSurrogate(c)
                    || isControl(c)
                    || c == '\uFFFE'
                    || c == '\uFFFF'
                    || (label && isBidiControl(c));
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (Character.isSurrogate(c)) {
                    out.append('\uFFFD');
                } else if (!bad) {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * Cleans, in place, every string and object key of a JSON tree (see {@link #clean}); strings
     * below a {@code title} or {@code name} member are labels.
     */
    public static JsonNode cleanTree(JsonNode node) {
        return cleanTree(node, false);
    }

    private static JsonNode cleanTree(JsonNode node, boolean label) {
        if (node instanceof ObjectNode object) {
            List<String> keys = new ArrayList<>();
            object.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = object.get(key);
                JsonNode cleaned = cleanTree(value, label || key.equals("title") || key.equals("name"));
                String cleanKey = clean(key);
                if (!cleanKey.equals(key)) {
                    object.remove(key);
                    object.set(cleanKey, cleaned);
                } else if (cleaned != value) {
                    object.set(key, cleaned);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                JsonNode cleaned = cleanTree(value, label);
                if (cleaned != value) {
                    array.set(i, cleaned);
                }
            }
        } else if (node != null && node.isTextual()) {
            String text = node.textValue();
            String cleaned = clean(text, label);
            return cleaned == text ? node : TextNode.valueOf(cleaned);
        }
        return node;
    }

    /**
     * The text with every character {@link #problem} may name written as {@code U+XXXX}, so that
     * a message can quote what a client sent without carrying it.
     */
    public static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean hidden = !pair
                    && (Character.isSurrogate(c) || isControl(c) || c == '\uFFFE' || c == '\uFFFF' || isBidiControl(c));
            if (hidden && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (hidden) {
                    out.append(codePoint(c));
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(text.charAt(i + 1));
                    }
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
