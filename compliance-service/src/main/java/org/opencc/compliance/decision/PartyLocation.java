package org.opencc.compliance.decision;

/**
 * Where a party's number belongs: all the decision keeps of it (never the number itself).
 *
 * @param country ISO 3166-1 alpha-2 code, or null for a non-geographic number (e.g. +800)
 * @param subdivision ISO 3166-2 subdivision without the country (e.g. {@code CA}), or null when unknown
 * @param areaCode the US area code the subdivision was looked up by, or null
 */
record PartyLocation(String country, String subdivision, String areaCode) {}
