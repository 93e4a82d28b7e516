package org.twincatalog.federation.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a peer's streamed body when no byte has arrived for a while, so a peer that stalls in the
 * middle of a file cannot hold this node's thread (and the caller) forever: the JDK's HTTP client
 * bounds the wait for the headers, never the body. A read of a closed body fails, and the copy
 * stops.
 */
public final class StallGuard implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peer-stall-guard");
        t.setDaemon(true);
        return t;
    });
    private final Duration stall;

    StallGuard(Duration stall) {
        this.stall = stall;
    }

    /** {@code body}, closed by this guard when a read has waited longer than the stall time. */
    InputStream guard(InputStream body) {
        return new Guarded(body);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class Guarded extends FilterInputStream {
        private volatile long lastProgress = System.nanoTime();
        private volatile boolean stalled;
        private final ScheduledFuture<?> check;

        Guarded(InputStream in) {
            super(in);
            long period = Math.max(50, stall.toMillis() / 4);
            check = timer.scheduleWithFixedDelay(this::checkProgress, period, period, TimeUnit.MILLISECONDS);
        }

        private void checkProgress() {
            if (System.nanoTime() - lastProgress > stall.toNanos()) {
                stalled = true;
                try {
                    in.close();
                } catch (IOException e) {
                    // closing is all we can do
                }
                check.cancel(false);
            }
        }

        @Override
        public int read() throws IOException {
            int b = checked(super.read());
            lastProgress = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = checked(super.read(buffer, off, len));
            lastProgress = System.nanoTime();
            return n;
        }

        private int checked(int n) throws IOException {
            if (stalled) {
                throw new IOException("the peer sent nothing for " + stall.toMillis() + " ms");
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            check.cancel(false);
            super.close();
        }
    }
}
