package org.opencc.context.crm;

/**
 * What one source answered for a read, already mapped into its part of the context document: a JSON object (as a
 * {@code Map}) for sources merged into {@code customer}, any JSON value (object, array, scalar) for records.
 *
 * @param source the source's name
 */
public record Profile(String source, Object value) {}
