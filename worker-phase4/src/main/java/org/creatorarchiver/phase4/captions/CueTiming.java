package org.creatorarchiver.phase4.captions;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cue's timing line, {@code 00:01:02.500 --> 00:01:04.000 align:start position:0%} in WebVTT (hours optional)
 * or {@code 00:01:02,500 --> 00:01:04,000} in SRT. Both decimal marks are accepted in both formats, and anything
 * after the end time (WebVTT cue settings, SRT's coordinates) is ignored: it never changes what is said.
 */
record CueTiming(double start, double end) {

    static final String ARROW = "-->";

    private static final String TIMESTAMP = "(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})[.,](\\d{1,3})";
    private static final Pattern LINE =
            Pattern.compile("\\s*" + TIMESTAMP + "\\s*-->\\s*" + TIMESTAMP + "(?:[ \\t].*)?");
    private static final int GROUPS_PER_TIMESTAMP = 4;

    /** @throws MalformedCaptionsException the line is not a timing line, or its times are impossible */
    static CueTiming parse(String line, int lineNumber) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new MalformedCaptionsException(
                    lineNumber, "not a cue timing (expected \"00:00:01.000 --> 00:00:02.000\"): \"" + line + "\"");
        }
        double start = seconds(matcher, 1, lineNumber);
        double end = seconds(matcher, 1 + GROUPS_PER_TIMESTAMP, lineNumber);
        if (end < start) {
            throw new MalformedCaptionsException(
                    lineNumber, "the cue ends (" + format(end) + ") before it starts (" + format(start) + ")");
        }
        return new CueTiming(start, end);
    }

    private static double seconds(Matcher matcher, int firstGroup, int lineNumber) {
        String hours = matcher.group(firstGroup);
        int minutes = Integer.parseInt(matcher.group(firstGroup + 1));
        int seconds = Integer.parseInt(matcher.group(firstGroup + 2));
        if (minutes > 59 || seconds > 59) {
            throw new MalformedCaptionsException(
                    lineNumber, "minutes and seconds run from 00 to 59 in \"" + matcher.group() + "\"");
        }
        // "5" after the mark is half a second however many digits follow: ".5", ".50" and ".500" agree
        double fraction = Double.parseDouble("0." + matcher.group(firstGroup + 3));
        long whole = (hours == null ? 0 : Long.parseLong(hours)) * 3600 + minutes * 60L + seconds;
        return whole + fraction;
    }

    private static String format(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }
}
