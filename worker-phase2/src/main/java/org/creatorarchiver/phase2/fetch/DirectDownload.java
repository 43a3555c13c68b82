package org.creatorarchiver.phase2.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Response;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.http.MediaHttp;
import org.creatorarchiver.media.HashedFile;
import org.creatorarchiver.media.HashingDownload;

/**
 * A file fetched over HTTP without the session cookie (CDN, direct video files), streamed to a temp file while its
 * SHA-256 is computed: one pass, constant memory, whatever the size.
 */
public final class DirectDownload {

    private final MediaHttp http;

    public DirectDownload(MediaHttp http) {
        this.http = http;
    }

    /** @param fileName the original name Patreon gives, used only to guess the extension, never as a path */
    public FetchedFile fetch(String url, Path tempDir, Optional<String> fileName)
            throws HttpFailureException, IOException, InterruptedException {
        HttpUrl parsed = HttpUrl.get(url);
        try (Response response = http.openStream(parsed, Headers.of("Referer", MediaHttp.PATREON_REFERER));
                InputStream body = response.body().byteStream()) {
            HashedFile file = new HashingDownload(tempDir).copy(body);
            String contentType = Optional.ofNullable(response.header("Content-Type"))
                    .map(type -> type.split(";")[0].strip())
                    .orElse(null);
            return new FetchedFile(
                    file, contentType, extension(parsed, fileName), List.of(), Set.of(), Optional.empty());
        }
    }

    static String extension(HttpUrl url, Optional<String> fileName) {
        return fileName.flatMap(DirectDownload::extensionOf)
                .or(() -> extensionOf(url.pathSegments().getLast()))
                .orElse("");
    }

    private static Optional<String> extensionOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1
                ? Optional.empty()
                : Optional.of(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
