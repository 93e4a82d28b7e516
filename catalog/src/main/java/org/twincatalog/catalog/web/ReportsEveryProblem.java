package org.twincatalog.catalog.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose body is a record that is validated as a whole: the JSON reader
 * notes shape problems (unknown members, values of the wrong type, unknown enum values) instead of
 * failing at the first, and the record's checks ({@code record.Violations.of}) report them with
 * the rule and profile problems in one answer. The method's service must start its checks with
 * {@code Violations.of(body)}. Put this on the implementing method of the resource class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReportsEveryProblem {}
