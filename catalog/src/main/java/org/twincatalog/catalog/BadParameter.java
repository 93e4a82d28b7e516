package org.twincatalog.catalog;

import java.util.List;

/**
 * A request parameter that cannot be read or is out of range (400). It names the parameter the
 * same way everywhere: one {@link Violation} whose pointer is {@code /query/<name>} (or {@code
 * /path/<name>}, {@code /header/<name>}), whose detail says what was wrong.
 */
public class BadParameter extends MalformedRequest {
    private final Violation violation;

    public BadParameter(String in, String name, String detail) {
        super(in + " parameter '" + name + "': " + detail);
        this.violation = new Violation("/" + in + "/" + name.replace("~", "~0").replace("/", "~1"), detail);
    }

    /** A bad query parameter {@code name}. */
    public static BadParameter query(String name, String detail) {
        return new BadParameter("query", name, detail);
    }

    public List<Violation> violations() {
        return List.of(violation);
    }
}
