package org.twincatalog.standards.citygml;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** JSON form of inspection records: their components, nothing derived. */
public final class InspectionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private InspectionJson() {}

    /** Pretty-printed JSON of a {@link PackageInspection} (or any inspection record). */
    public static String write(Object inspection) {
        try {
            return MAPPER.writeValueAsString(inspection);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
