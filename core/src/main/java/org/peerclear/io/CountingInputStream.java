package org.peerclear.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Feeds the bytes it passes on to a {@link ProgressMeter}. */
final class CountingInputStream extends FilterInputStream {
    private final ProgressMeter meter;

    CountingInputStream(InputStream in, ProgressMeter meter) {
        super(in);
        this.meter = meter;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            meter.add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            meter.add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long k = super.skip(n);
        meter.add(k);
        return k;
    }
}
