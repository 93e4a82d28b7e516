package org.twincatalog.catalog.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that answers a POST (or another unsafe method) but changes nothing: a
 * query sent in a body (SPARQL, the CKAN Action API) or an inspection that registers nothing.
 * Anonymous callers may use it like a GET.
 *
 * <p>Every other POST, PUT, PATCH and DELETE of the API is a write: the node refuses it with 401
 * before its body is read when the caller is anonymous, so a new write operation needs no check of
 * its own and cannot forget one. Put this on the implementing method of the resource class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnlyOperation {}
