package org.twincatalog.interop.ckan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An action's parameters (a query string's or a JSON body's), read with CKAN's validators and
 * their messages: {@code int_validator} ("Invalid integer"), {@code natural_number_validator}
 * ("Must be a natural number"), {@code convert_to_json_if_string} ("Could not parse as valid
 * JSON"), {@code list_of_strings} ("Not a list", "Not a string").
 */
final class CkanParams {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values;

    CkanParams(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    Map<String, Object> all() {
        return values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    String text(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    /** The parameter, required: a Validation Error {@code {"<name>": ["Missing value"]}} when absent or blank. */
    String required(String name) {
        String v = text(name);
        if (v == null || v.isBlank()) {
            throw CkanError.validation(name, "Missing value");
        }
        return v;
    }

    /** CKAN's {@code int_validator}: null when absent; an integer (as Python's {@code int()} reads it). */
    Long integer(String name) {
        Object v = values.get(name);
        if (v == null || (v instanceof String s && s.isEmpty())) {
            return null;
        }
        try {
            BigDecimal number = v instanceof Number n ? new BigDecimal(n.toString()) : null;
            BigInteger whole = number != null
                    ? number.toBigIntegerExact()
                    : new BigInteger(v.toString().strip());
            return whole.max(BigInteger.valueOf(Long.MIN_VALUE / 2))
                    .min(BigInteger.valueOf(Long.MAX_VALUE / 2))
                    .longValue();
        } catch (ArithmeticException | NumberFormatException e) {
            throw CkanError.validation(name, "Invalid integer");
        }
    }

    /** CKAN's {@code natural_number_validator}: null when absent; an integer of at least 0. */
    Long natural(String name) {
        Long v = integer(name);
        if (v != null && v < 0) {
            throw CkanError.validation(name, "Must be a natural number");
        }
        return v;
    }

    /** CKAN's {@code convert_to_json_if_string} then {@code list_of_strings}; empty when absent. */
    List<String> listOfStrings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            try {
                v = JSON.readValue(s, new TypeReference<Object>() {});
            } catch (Exception e) {
                throw CkanError.validation(name, "Could not parse as valid JSON");
            }
        }
        if (!(v instanceof List<?> list)) {
            throw CkanError.validation(name, "Not a list");
        }
        for (Object item : list) {
            if (!(item instanceof String)) {
                throw CkanError.validation(name, "Not a string");
            }
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** Parameters from a query string: the first value of each. */
    static CkanParams ofQuery(Map<String, List<String>> query) {
        Map<String, Object> values = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!v.isEmpty()) {
                values.put(k, v.get(0));
            }
        });
        return new CkanParams(values);
    }
}
