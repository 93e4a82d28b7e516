package org.twincatalog.node.ogc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.twincatalog.node.support.Fixtures;

/** Registers fixture datasets of one new publisher, marked with a word no other test uses. */
public final class TestDatasets {
    private final String publisher = Fixtures.newOrganization();
    private final String word =
            "zq" + publisher.substring(publisher.length() - 8).replaceAll("[^a-z0-9]", "x");

    public String publisher() {
        return publisher;
    }

    /** A word only this publisher's datasets carry in their English title. */
    public String word() {
        return word;
    }

    /**
     * Registers a fixture with {@code word} and {@code suffix} appended to its English title.
     *
     * @param level the metadata and data access level, or null for public
     */
    public String register(String fixture, String suffix, String level) {
        return register(fixture, suffix, level, level);
    }

    /**
     * Registers a fixture as {@link #register(String, String, String)} does, with separate levels.
     *
     * @param metadataLevel the metadata visibility, or null for public (with {@code dataLevel} null)
     * @param dataLevel the data access level, or null for public (with {@code metadataLevel} null)
     */
    public String register(String fixture, String suffix, String metadataLevel, String dataLevel) {
        ObjectNode dataset = Fixtures.dataset(fixture, publisher);
        dataset.withObject("/title").put("en", dataset.get("title").get("en").asText() + " " + word + " " + suffix);
        if (metadataLevel != null) {
            dataset.putObject("access").put("metadataVisibility", metadataLevel).put("dataAccess", dataLevel);
        }
        return Fixtures.newDataset(dataset);
    }
}
