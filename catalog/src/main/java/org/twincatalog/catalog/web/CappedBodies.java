package org.twincatalog.catalog.web;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.twincatalog.catalog.PayloadTooLarge;

/**
 * Caps a request body while it streams, whether or not it declared a Content-Length (a chunked
 * body declares none): reading past the limit that {@link BodySizeLimit} set for the request
 * stops with {@link PayloadTooLarge} (413), so the node never holds more than the limit of one
 * body. Uploads, which are spooled to disk and counted there, carry no limit here.
 */
@Provider
public class CappedBodies implements ReaderInterceptor {
    /** The request property holding the limit in bytes (a {@link Long}); absent: no cap here. */
    static final String LIMIT = "tc.body.limit";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object limit = context.getProperty(LIMIT);
        if (!(limit instanceof Long max)) {
            return context.proceed();
        }
        CountingStream counted = new CountingStream(context.getInputStream(), max);
        context.setInputStream(counted);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // a reader may wrap the refusal (Jackson does); the count says what happened
            if (counted.exceeded) {
                throw tooLarge(max);
            }
            throw e;
        }
    }

    static PayloadTooLarge tooLarge(long max) {
        return new PayloadTooLarge("The body has more than " + max + " bytes; this node accepts at most " + max
                + " (tc.api.max-body-bytes)");
    }

    /** Counts the bytes read and refuses the first one past the limit. */
    private static final class CountingStream extends FilterInputStream {
        private final long max;
        private long read;
        private boolean exceeded;

        CountingStream(InputStream in, long max) {
            super(in);
            this.max = max;
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
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > max) {
                exceeded = true;
                throw tooLarge(max);
            }
        }
    }
}
