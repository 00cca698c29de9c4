package org.opencc.context.crm;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a source's answer only as far as it is useful: the body of a 200 with a JSON content type, up to a limit.
 * Anything else (another status, another content type, a body announced or found larger than the limit) stops
 * reading at once, so a source sending megabytes of HTML costs nothing but the connection.
 */
final class BoundedJsonBody implements HttpResponse.BodyHandler<byte[]> {
    private final int limit;

    BoundedJsonBody(int limit) {
        this.limit = limit;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return new Subscriber(0, null); // only the status matters
        }
        String type = info.headers().firstValue("Content-Type").orElse("");
        if (!isJson(type)) {
            return new Subscriber(0, CrmFailure.error("content type '" + (type.isEmpty() ? "(none)" : type)
                    + "', expected application/json"));
        }
        long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > limit) {
            return new Subscriber(0, tooLarge());
        }
        return new Subscriber(limit, null);
    }

    static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    private CrmFailure tooLarge() {
        return CrmFailure.error("body larger than " + limit + " bytes");
    }

    /** Collects up to {@code limit} bytes; with a limit of 0 it cancels at once and completes with the failure. */
    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int max;
        private final CrmFailure refusal;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private byte[] buffer = new byte[0];
        private int size;
        private Flow.Subscription subscription;

        Subscriber(int max, CrmFailure refusal) {
            this.max = max;
            this.refusal = refusal;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (max == 0) {
                subscription.cancel();
                if (refusal != null) {
                    body.completeExceptionally(refusal);
                } else {
                    body.complete(new byte[0]);
                }
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = item.remaining();
                if (size + n > max) {
                    subscription.cancel();
                    body.completeExceptionally(tooLarge());
                    return;
                }
                if (size + n > buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, Math.min(max, Math.max(size + n, buffer.length * 2)));
                }
                item.get(buffer, size, n);
                size += n;
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(java.util.Arrays.copyOf(buffer, size));
        }
    }
}
