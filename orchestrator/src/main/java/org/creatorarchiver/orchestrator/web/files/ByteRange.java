package org.creatorarchiver.orchestrator.web.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a stored file a request's {@code Range} header asks for, as RFC 9110 reads a single byte range:
 * {@code bytes=a-b} (b cut to the end of the file), {@code bytes=a-} and {@code bytes=-n} (the last n bytes). A header
 * that is malformed, names several ranges or ends before it starts is ignored (the whole file is sent, 200); a range
 * that starts past the end cannot be satisfied (416).
 *
 * @param first the first byte sent
 * @param last  the last byte sent, inclusive
 */
record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** What to answer a request for a file of {@code size} bytes. */
    sealed interface Answer {}

    /** 200 with the whole file. */
    record Whole() implements Answer {}

    /** 206 with these bytes. */
    record Partial(ByteRange range) implements Answer {}

    /** 416: nothing of the file is where the range asks. */
    record Unsatisfiable() implements Answer {}

    long length() {
        return last - first + 1;
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    static Answer of(String header, long size) {
        Matcher single = header == null ? null : SINGLE.matcher(header.strip());
        if (single == null
                || !single.matches()
                || (single.group(1).isEmpty() && single.group(2).isEmpty())) {
            return new Whole();
        }
        if (single.group(1).isEmpty()) {
            return suffix(Long.parseLong(single.group(2)), size);
        }
        long first = Long.parseLong(single.group(1));
        Optional<Long> last =
                single.group(2).isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(single.group(2)));
        if (last.isPresent() && last.get() < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(first, Math.min(last.orElse(size - 1), size - 1)));
    }

    private static Answer suffix(long bytes, long size) {
        if (bytes == 0 || size == 0) {
            return new Unsatisfiable();
        }
        return new Partial(new ByteRange(Math.max(0, size - bytes), size - 1));
    }
}
