package org.creatorarchiver.media;

import java.io.IOException;

/** A download went past the size limit it was given; what was written of it is already deleted. */
public final class DownloadTooLargeException extends IOException {

    private final long limitBytes;

    public DownloadTooLargeException(long limitBytes, String what) {
        super(what + " is larger than the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
