package org.creatorarchiver.config;

import java.util.regex.Pattern;

/** Makes user-supplied text safe to show in a one-line error or a log line. */
final class Display {

    private static final int MAX_SHOWN = 120;
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:^|[?&;])[a-z]*password=)[^&;]*");

    private Display() {}

    /** Escapes line breaks and other control characters, so a message stays on one line. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> appendEscaped(out, c));
        return out.toString();
    }

    private static void appendEscaped(StringBuilder out, int c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    /** A value as shown after {@code NAME=}: one line, and shortened when very long. */
    static String value(String value) {
        String line = oneLine(value);
        return line.length() <= MAX_SHOWN ? line : line.substring(0, MAX_SHOWN) + "...";
    }

    /**
     * Hides the password of a URL: in the user-info ({@code user:****@}; all of it when there is no colon, since
     * Redis reads a lone user-info as the password) and in {@code password=} query parameters. Works on malformed
     * URLs too, because it is used to report them.
     */
    static String maskUrl(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int at = url.lastIndexOf('@');
        String masked = url;
        if (at >= start) {
            String userInfo = url.substring(start, at);
            int colon = userInfo.indexOf(':');
            String shown = colon < 0 ? Secret.MASK : userInfo.substring(0, colon) + ":" + Secret.MASK;
            masked = url.substring(0, start) + shown + url.substring(at);
        }
        return PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + Secret.MASK);
    }
}
