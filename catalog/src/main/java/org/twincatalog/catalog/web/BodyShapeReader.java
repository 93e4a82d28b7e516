package org.twincatalog.catalog.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Arrays;
import org.twincatalog.catalog.record.BodyShapeProblems;

/**
 * Lets the JSON reader go on past a shape problem of a record body (see {@link
 * ReportsEveryProblem}): the problem is noted at its JSON Pointer and the member is left out, so
 * that the record's checks can report it with every other problem. Where the request does not
 * collect, the reader fails at the first problem as before. A body that is not JSON at all, or
 * not an object, still fails outright.
 */
@Singleton
public class BodyShapeReader extends DeserializationProblemHandler implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addHandler(this);
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt,
            JsonParser p,
            JsonDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName)
            throws IOException {
        String at = pointer(p);
        if (at.isEmpty() || !BodyShapeProblems.add(at, "is not a field of this resource")) {
            return false;
        }
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg)
            throws IOException {
        return noted(ctxt.getParser(), "'" + valueToConvert + "' is not a valid " + typeName(targetType));
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg)
            throws IOException {
        return noted(ctxt.getParser(), valueToConvert + " is not a valid " + typeName(targetType));
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
            throws IOException {
        Object result = noted(p, "expected " + typeName(targetType.getRawClass()));
        if (result != NOT_HANDLED) {
            p.skipChildren();
        }
        return result;
    }

    @Override
    public Object handleMissingInstantiator(
            DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsts, JsonParser p, String msg)
            throws IOException {
        Object result = noted(p, "expected " + typeName(instClass));
        if (result != NOT_HANDLED) {
            p.skipChildren();
        }
        return result;
    }

    @Override
    public Object handleInstantiationProblem(
            DeserializationContext ctxt, Class<?> instClass, Object argument, Throwable t) throws IOException {
        String detail = instClass.isEnum()
                ? "must be one of " + Arrays.toString(instClass.getEnumConstants())
                : "'" + argument + "' is not a valid " + typeName(instClass);
        return noted(ctxt.getParser(), detail);
    }

    /** Notes the problem at the parser's place: null (the member left out), or not handled. */
    private static Object noted(JsonParser p, String detail) {
        String at = pointer(p);
        if (at.isEmpty() || !BodyShapeProblems.add(at, detail)) {
            return NOT_HANDLED;
        }
        return null;
    }

    /** The JSON Pointer of the value the parser is at ("" for the whole body). */
    static String pointer(JsonParser p) {
        JsonStreamContext context = p.getParsingContext();
        JsonToken token = p.currentToken();
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
            context = context.getParent();
        }
        return context.pathAsPointer().toString();
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "URI" -> "URI";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "OffsetDateTime" -> "date-time (RFC 3339)";
            case "Long", "Integer", "long", "int" -> "integer";
            case "Double", "double", "BigDecimal", "Float", "float" -> "number";
            case "Boolean", "boolean" -> "boolean";
            case "List", "ArrayList", "Set", "LinkedHashSet" -> "array";
            case "Map", "HashMap", "LinkedHashMap" -> "object";
            case "String" -> "string";
            default -> "object";
        };
    }
}
