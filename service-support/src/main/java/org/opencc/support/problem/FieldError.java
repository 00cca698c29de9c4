package org.opencc.support.problem;

/** One invalid input: the field (form parameter, JSON member or path parameter) and what is wrong with it. */
public record FieldError(String field, String message) {}
