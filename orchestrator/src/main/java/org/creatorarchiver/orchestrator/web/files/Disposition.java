package org.creatorarchiver.orchestrator.web.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** {@code Content-Disposition} with a file's original name, as RFC 6266 writes a name in any script. */
final class Disposition {

    private Disposition() {}

    static String of(boolean inline, Optional<String> name) {
        String kind = inline ? "inline" : "attachment";
        if (name.isEmpty() || name.get().isBlank()) {
            return kind;
        }
        String clean = name.get().replaceAll("[\\p{Cntrl}\"\\\\/]", "_").strip();
        String ascii = clean.replaceAll("[^\\x20-\\x7e]", "_");
        String encoded = URLEncoder.encode(clean, StandardCharsets.UTF_8).replace("+", "%20");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
