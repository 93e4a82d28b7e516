package org.twincatalog.standards.quality;

import org.apache.jena.rdf.model.Literal;

/**
 * One dqv:QualityMeasurement.
 *
 * @param metric the dqv:Metric IRI (a {@code tc:} metric such as {@code tc:metadataCompleteness})
 * @param value the typed value (xsd:double, xsd:boolean or xsd:integer, as the metric expects)
 */
public record QualityMeasurement(String metric, Literal value) {}
