package io.nqpf.advisor.api.security;

import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.service.PayloadTooLargeException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Enforces each endpoint's body limit while the body streams in: a body sent without a length (chunked) is read only
 * up to its endpoint's limit, and one byte more is answered 413 at once, so a single profile never costs more than
 * 256 KiB of memory whatever the client sends. (A body that announces its length is refused by {@link RequestGate}
 * before a byte is read.)
 */
@Provider
public class BoundedBodies implements ReaderInterceptor {

    @Inject
    CurrentVertxRequest current;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext rc = current.getCurrent();
        Long limit = rc == null ? null : rc.get(RequestGate.LIMIT);
        if (limit != null) {
            context.setInputStream(new Bounded(context.getInputStream(), limit));
        }
        return context.proceed();
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
