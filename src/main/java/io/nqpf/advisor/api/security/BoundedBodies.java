package io.nqpf.advisor.api.security;

import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.service.PayloadTooLargeException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Enforces each endpoint's body limit while the body streams in: a body sent without a length (chunked) is read only
 * up to its endpoint's limit, and one byte more is answered 413 at once, so a single profile never costs more than
 * 256 KiB of memory whatever the client sends. (A body that announces its length is refused by {@link RequestGate}
 * before a byte is read, and cannot be longer than it announces.)
 *
 * <p>Applied by {@link HttpEdge}'s request filter to operations that take a body, before the body is read; not a
 * JAX-RS {@code ReaderInterceptor}, whose presence alone made Quarkus REST read the resource method's parameter
 * annotations on every request (3% of a full report's worker time, docs/performance.md).
 */
final class BoundedBodies {

    private BoundedBodies() {
    }

    /** The request's body, if it comes without a length, read through its endpoint's limit. */
    static void bound(ContainerRequestContext request, RoutingContext rc) {
        Long limit = rc.get(RequestGate.LIMIT);
        if (limit != null && !rc.request().headers().contains("Content-Length")) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    /** Refuses the read that would pass the limit. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException(Text.of("body.over-limit", limit));
            }
        }
    }
}
