package org.creatorarchiver.testing.patreon;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * The fake Patreon's CDN: every file path gets deterministic bytes, derived from the 32-hex file key in the path
 * (the same file in several posts and variants has the same bytes, as on Patreon) or else from the path. Signed
 * query strings are accepted as they are. Tests read {@link #bytesOf} to check what was archived. With
 * {@link #audio}, {@code .mp3} files are a real recording instead (for the demo's transcripts).
 */
public final class FakeCdn {

    private static final Pattern FILE_KEY = Pattern.compile("/([0-9a-f]{32})(?:/|$)");
    private static final int DEFAULT_SIZE = 48 * 1024;

    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
    private volatile byte[] audio;

    /**
     * Serves this MP3 recording for every {@code .mp3} file from now on, each behind an ID3 tag titled with the file's
     * key: distinct files stay distinct (their own hash), and every one is audio ffmpeg can read.
     */
    public FakeCdn audio(byte[] mp3) {
        this.audio = mp3.clone();
        return this;
    }

    /** Serves {@code bytes} bytes for the file with this key (or path) from now on. */
    public FakeCdn size(String fileKeyOrPath, int bytes) {
        sizes.put(fileKeyOrPath, bytes);
        return this;
    }

    /** The bytes the CDN serves for {@code url} (any host: only the path counts). */
    public byte[] bytesOf(String url) {
        HttpUrl parsed = HttpUrl.get(url);
        String identity = identity(parsed.encodedPath());
        byte[] recording = audio;
        if (recording != null && parsed.encodedPath().toLowerCase(Locale.ROOT).endsWith(".mp3")) {
            return Id3Title.prefixed(identity, recording);
        }
        return generate(identity, sizes.getOrDefault(identity, DEFAULT_SIZE));
    }

    MockResponse serve(HttpUrl url) {
        byte[] bytes = bytesOf(url.toString());
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType(url.encodedPath()))
                .body(new Buffer().write(bytes))
                .build();
    }

    private static String identity(String path) {
        Matcher matcher = FILE_KEY.matcher(path + "/");
        String key = null;
        while (matcher.find()) {
            key = matcher.group(1);
        }
        return key != null ? key : path;
    }

    private static byte[] generate(String identity, int size) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] seed = digest.digest(identity.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.allocate(size);
            long counter = 0;
            while (bytes.hasRemaining()) {
                digest.update(seed);
                digest.update(ByteBuffer.allocate(8).putLong(0, counter++));
                byte[] block = digest.digest();
                bytes.put(block, 0, Math.min(block.length, bytes.remaining()));
            }
            return bytes.array();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String contentType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (var type : List.of(
                Map.entry(".jpg", "image/jpeg"),
                Map.entry(".jpeg", "image/jpeg"),
                Map.entry(".png", "image/png"),
                Map.entry(".mp3", "audio/mpeg"),
                Map.entry(".mp4", "video/mp4"),
                Map.entry(".zip", "application/zip"))) {
            if (lower.endsWith(type.getKey())) {
                return type.getValue();
            }
        }
        return "application/octet-stream";
    }
}
