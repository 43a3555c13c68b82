package org.creatorarchiver.testing.patreon;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** An ID3v2.3 tag holding one title frame (TIT2), put before an MP3 stream: players and ffmpeg skip it. */
final class Id3Title {

    private static final int HEADER_BYTES = 10;

    private Id3Title() {}

    /** {@code mp3} preceded by a tag titled {@code title} (ASCII). */
    static byte[] prefixed(String title, byte[] mp3) {
        byte[] text = title.getBytes(StandardCharsets.ISO_8859_1);
        int frameBytes = HEADER_BYTES + 1 + text.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_BYTES + frameBytes + mp3.length);
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0});
        out.writeBytes(syncSafe(frameBytes));
        out.writeBytes("TIT2".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).putInt(1 + text.length).array());
        out.writeBytes(new byte[] {0, 0, 0}); // no frame flags; text in ISO-8859-1
        out.writeBytes(text);
        out.writeBytes(mp3);
        return out.toByteArray();
    }

    /** The tag's size: 7 bits per byte, so that no byte of it looks like an MPEG frame sync. */
    private static byte[] syncSafe(int size) {
        return new byte[] {
            (byte) (size >> 21 & 0x7f), (byte) (size >> 14 & 0x7f), (byte) (size >> 7 & 0x7f), (byte) (size & 0x7f)
        };
    }
}
