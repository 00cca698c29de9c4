package org.opencc.compliance.erasure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code POST /v1/erasure-requests}: whom to forget, by any of their identifiers. Phone numbers (E.164) and e-mail
 * addresses are turned into customer keys here and never stored, published or logged.
 */
public record ErasureRequestBody(
        @JsonProperty("phone_numbers") List<String> phoneNumbers,
        @JsonProperty("emails") List<String> emails,
        @JsonProperty("customer_keys") List<String> customerKeys) {}
