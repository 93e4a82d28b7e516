package org.twincatalog.catalog;

/**
 * One problem with submitted content.
 *
 * @param pointer a JSON Pointer (RFC 6901) into the request body, {@code ""} for the whole body
 * @param detail what is wrong, for a person
 */
public record Violation(String pointer, String detail) {}
