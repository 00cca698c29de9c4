package org.opencc.gateway.reply;

/** Body of {@code POST /v1/interactions/{id}/messages}: the text an agent sends the customer. */
public record ReplyRequest(String body) {}
