package org.creatorarchiver.orchestrator.web;

import java.time.Duration;
import java.time.Instant;

/** How the pages write figures: durations as H:MM:SS, instants as ISO-8601 UTC (the browser shows them local). */
public final class Show {

    private Show() {}

    /** {@code H:MM:SS} of a whole number of seconds; {@code ?} when unknown. */
    public static String clock(Number seconds) {
        if (seconds == null || seconds.doubleValue() < 0) {
            return "?";
        }
        long whole = (long) Math.floor(seconds.doubleValue());
        return String.format("%d:%02d:%02d", whole / 3600, whole % 3600 / 60, whole % 60);
    }

    /**
     * A search snippet as HTML: everything escaped, then the words the search marked ({@code **word**}) in bold. The
     * snippet is a creator's text, so nothing in it may become markup.
     */
    public static String snippet(String marked) {
        String escaped = marked.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
        return escaped.replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>");
    }

    /** Bytes as people read them: 1.4 MB. */
    public static String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (int) (Math.log(bytes) / Math.log(1024));
        return String.format("%.1f %sB", bytes / Math.pow(1024, unit), "KMGTPE".charAt(unit - 1));
    }

    /** A creator as every page names it: its Patreon name, else its vanity, else its source id. */
    public static String creator(String name, String vanity, long sourceId) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return vanity != null ? vanity : "#" + sourceId;
    }

    /** Dollars as the ledger keeps them ({@code $0.008783}). */
    public static String usd(java.math.BigDecimal amount) {
        return "$" + amount.stripTrailingZeros().toPlainString();
    }

    public static String clock(Duration duration) {
        return clock(duration.toSeconds());
    }

    /** An address from Patreon fit for a link: http(s) only, else null (the template then leaves the link out). */
    public static String httpUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }

    /** For a {@code <time datetime>}: the page's script rewrites its text in the browser's zone. */
    public static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The same instant as UTC text, shown until (or without) the script. */
    public static String utc(Instant instant) {
        return instant == null ? "never" : instant.toString().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z");
    }
}
