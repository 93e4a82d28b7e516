package org.twincatalog.catalog.record;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.Violation;

/**
 * Collects every problem of a submitted record, each with the JSON Pointer of the bad field, so
 * that one answer names them all. Shared checks for the value kinds the contract uses.
 */
public final class Violations {
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final int MAX_TEXT = 20_000;

    private final List<Violation> found = new ArrayList<>();
    private final List<String> shapeProblemsAt = new ArrayList<>();
    private int fromProfile;

    /**
     * Starts the checks of a submitted record (or part of one): the shape problems the JSON reader
     * noted in the request's body ({@link BodyShapeProblems}), then {@link #text}. Every record
     * kind's validation begins here, so that one answer names every problem of the document.
     */
    public static Violations of(Object body) {
        Violations v = new Violations();
        for (Violation shape : BodyShapeProblems.take()) {
            v.add(shape.pointer(), shape.detail());
            v.shapeProblemsAt.add(PlainText.visible(shape.pointer()));
        }
        return v.text("", body);
    }

    /**
     * Adds a problem; characters a message cannot carry are written as {@code U+XXXX}. A rule's
     * problem at a member the JSON reader already refused (left out, so now missing) is not told
     * again.
     */
    public Violations add(String pointer, String detail) {
        String at = PlainText.visible(pointer);
        if (shapeProblemsAt.stream().anyMatch(p -> at.equals(p) || at.startsWith(p + "/"))) {
            return this;
        }
        found.add(new Violation(at, PlainText.visible(detail)));
        return this;
    }

    /**
     * Refuses, at any depth of a submitted body (its JSON as the contract names it, under {@code
     * pointer}), every string or member name that not every output can carry: NUL and other C0
     * controls but tab, LF and CR, unpaired surrogates, U+FFFE and U+FFFF; and in titles and names
     * the bidirectional controls (see {@link PlainText}). One violation per offending string.
     */
    public Violations text(String pointer, Object body) {
        if (body != null) {
            PlainText.problems(pointer, RecordMapper.tree(body)).forEach(x -> add(x.pointer(), x.detail()));
        }
        return this;
    }

    /**
     * Adds a finding of the metadata profile, unless a Java rule already named a problem at the
     * same field or inside it (the same problem told twice helps nobody).
     */
    public Violations addProfileFinding(String pointer, String detail) {
        String at = PlainText.visible(pointer);
        boolean told = found.stream().map(Violation::pointer).anyMatch(p -> p.equals(at) || p.startsWith(at + "/"));
        if (!told) {
            add(pointer, detail);
            fromProfile++;
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws {@link ValidationFailed} naming every problem, if there is any. */
    public void throwIfAny(String what) {
        if (found.isEmpty()) {
            return;
        }
        String detail;
        if (fromProfile == found.size()) {
            detail = found.size() == 1
                    ? "1 problem with the metadata profile: " + found.get(0).detail()
                    : found.size() + " problems with the metadata profile";
        } else if (found.size() == 1) {
            detail = "1 problem in the " + what + ": " + found.get(0).detail();
        } else {
            detail = found.size() + " problems in the " + what
                    + (fromProfile == 0 ? "" : ", " + fromProfile + " of them with the metadata profile");
        }
        throw new ValidationFailed(detail, List.copyOf(found));
    }

    public void id(String pointer, String id) {
        if (id != null && !ID.matcher(id).matches()) {
            add(pointer, "'" + id + "' is not a valid id (letters, digits, '.', '_', '-'; at most 100)");
        }
    }

    public void required(String pointer, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(pointer, "is required");
        }
    }

    /** A language map: tags must be BCP 47, texts non-blank; {@code required} asks for one at least. */
    public void langMap(String pointer, Map<String, String> texts, boolean required) {
        if (texts == null || texts.isEmpty()) {
            if (required) {
                add(pointer, "a text in at least one language is required");
            }
            return;
        }
        texts.forEach((lang, text) -> {
            String at = pointer + "/" + escape(lang);
            if (!LANGUAGE.matcher(lang).matches()) {
                add(at, "'" + lang + "' is not a BCP 47 language tag such as ko, en or ja");
            } else if (text == null || text.isBlank()) {
                add(at, "must not be empty");
            } else if (text.length() > MAX_TEXT) {
                add(at, "is longer than " + MAX_TEXT + " characters");
            }
        });
    }

    public void keywords(String pointer, Map<String, List<String>> keywords) {
        if (keywords == null) {
            return;
        }
        keywords.forEach((lang, words) -> {
            String at = pointer + "/" + escape(lang);
            if (!LANGUAGE.matcher(lang).matches()) {
                add(at, "'" + lang + "' is not a BCP 47 language tag such as ko, en or ja");
                return;
            }
            for (int i = 0; words != null && i < words.size(); i++) {
                String word = words.get(i);
                if (word == null || word.isBlank() || word.length() > 200) {
                    add(at + "/" + i, "a keyword must have 1 to 200 characters");
                }
            }
        });
    }

    /** An absolute http(s), urn or other absolute URI. */
    public void absoluteUri(String pointer, URI uri) {
        if (uri != null && (!uri.isAbsolute() || uri.toString().length() > 2000)) {
            add(pointer, "'" + uri + "' is not an absolute URI");
        }
    }

    public void absoluteUris(String pointer, Collection<URI> uris) {
        if (uris == null) {
            return;
        }
        int i = 0;
        for (URI uri : uris) {
            if (uri == null) {
                add(pointer + "/" + i, "must not be null");
            } else {
                absoluteUri(pointer + "/" + i, uri);
            }
            i++;
        }
    }

    public void levelsOfDetail(String pointer, List<Integer> levels) {
        for (int i = 0; levels != null && i < levels.size(); i++) {
            Integer lod = levels.get(i);
            if (lod == null || lod < 0 || lod > 4) {
                add(pointer + "/" + i, "a level of detail is an integer from 0 to 4");
            }
        }
    }

    /** Escapes a map key for use in a JSON Pointer (RFC 6901). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
