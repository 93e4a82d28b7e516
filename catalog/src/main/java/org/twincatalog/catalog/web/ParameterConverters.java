package org.twincatalog.catalog.web;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the typed parameters of the generated interfaces (integers, booleans, URIs and the
 * contract's enums) so that a value that does not convert is a 400 naming the parameter, never
 * the 404 JAX-RS prescribes for a query parameter that fails to convert. A failed conversion
 * throws {@link Unreadable}, which {@link ProblemMappers} answers as a {@code malformed-request}
 * problem with {@code errors[{pointer: "/query/<name>"}]}.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    /** A parameter value that does not convert; {@code name} is null when the framework gave no annotation. */
    public static final class Unreadable extends WebApplicationException {
        private final String in;
        private final String name;
        private final String value;
        private final String expected;

        Unreadable(String in, String name, String value, String expected) {
            super("'" + value + "' is not " + expected, 400);
            this.in = in;
            this.name = name;
            this.value = value;
            this.expected = expected;
        }

        public String in() {
            return in;
        }

        public String name() {
            return name;
        }

        public String value() {
            return value;
        }

        /**
         * The parameter's name: from its annotation, else the first query parameter of {@code
         * request} holding the value (the framework gives converters the annotations of the
         * interface method only in some cases); null when neither tells.
         */
        public String nameIn(jakarta.ws.rs.core.UriInfo request) {
            if (name != null || request == null) {
                return name;
            }
            return request.getQueryParameters().entrySet().stream()
                    .filter(p -> p.getValue().contains(value))
                    .map(java.util.Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
        }

        /** What the value must be, e.g. "an integer" or "one of [public, restricted]". */
        public String expected() {
            return expected;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        Function<String, ?> read;
        String expected;
        if (rawType == Integer.class || rawType == int.class) {
            read = Integer::valueOf;
            expected = "an integer";
        } else if (rawType == Long.class || rawType == long.class) {
            read = Long::valueOf;
            expected = "an integer";
        } else if (rawType == Double.class || rawType == double.class) {
            read = Double::valueOf;
            expected = "a number";
        } else if (rawType == Boolean.class || rawType == boolean.class) {
            read = ParameterConverters::strictBoolean;
            expected = "true or false";
        } else if (rawType == URI.class) {
            read = ParameterConverters::uri;
            expected = "a URI";
        } else if (rawType.isEnum()) {
            read = enumReader(rawType);
            expected = "one of "
                    + Arrays.stream(rawType.getEnumConstants())
                            .map(Object::toString)
                            .toList();
        } else {
            return null;
        }
        String in = location(annotations);
        String name = name(annotations);
        return (ParamConverter<T>) new ParamConverter<Object>() {
            @Override
            public Object fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return read.apply(value.trim());
                } catch (RuntimeException e) {
                    throw new Unreadable(in, name, value, expected);
                }
            }

            @Override
            public String toString(Object value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The enum's {@code fromValue} (the generated models' wire names), else its constant names. */
    private static Function<String, ?> enumReader(Class<?> type) {
        try {
            Method fromValue = type.getMethod("fromValue", String.class);
            return value -> {
                try {
                    return fromValue.invoke(null, value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException(value, e);
                }
            };
        } catch (NoSuchMethodException e) {
            return value -> Arrays.stream(type.getEnumConstants())
                    .filter(c -> ((Enum<?>) c).name().equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(value));
        }
    }

    private static String location(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof PathParam) {
                return "path";
            }
            if (a instanceof HeaderParam) {
                return "header";
            }
        }
        return "query";
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
