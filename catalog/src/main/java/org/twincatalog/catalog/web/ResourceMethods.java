package org.twincatalog.catalog.web;

import jakarta.ws.rs.container.ResourceInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the resource method a request matched carries a marker annotation, on the generated
 * interface's method or on the resource class's implementation of it. Looked up once per method
 * and annotation, since request filters ask on every request.
 */
public final class ResourceMethods {
    private record Key(Class<?> resource, Method method, Class<? extends Annotation> marker) {}

    private static final Map<Key, Boolean> MARKED = new ConcurrentHashMap<>();

    private ResourceMethods() {}

    public static boolean isMarked(ResourceInfo resource, Class<? extends Annotation> marker) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return false;
        }
        return MARKED.computeIfAbsent(new Key(resource.getResourceClass(), method, marker), ResourceMethods::lookUp);
    }

    private static boolean lookUp(Key key) {
        if (key.method().isAnnotationPresent(key.marker())) {
            return true;
        }
        try {
            return key.resource()
                    .getMethod(key.method().getName(), key.method().getParameterTypes())
                    .isAnnotationPresent(key.marker());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
