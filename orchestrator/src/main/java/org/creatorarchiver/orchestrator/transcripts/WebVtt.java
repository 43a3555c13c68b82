package org.creatorarchiver.orchestrator.transcripts;

import java.util.List;
import java.util.Locale;

/**
 * Writes a transcript's segments as WebVTT (what {@code <track>} elements and players read): a {@code WEBVTT} header,
 * then one numbered cue per segment with {@code HH:MM:SS.mmm} times. Cue text is escaped ({@code &}, {@code <},
 * {@code >}), which also keeps a {@code -->} in speech from reading as a timing line, and its blank lines are dropped,
 * since a blank line ends a cue.
 */
public final class WebVtt {

    private WebVtt() {}

    public static String of(List<TranscriptSegment> segments) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        int number = 0;
        for (TranscriptSegment segment : segments) {
            String text = cueText(segment.text());
            if (text.isEmpty()) {
                continue;
            }
            vtt.append('\n').append(++number).append('\n');
            vtt.append(timestamp(segment.start()))
                    .append(" --> ")
                    .append(timestamp(Math.max(segment.start(), segment.end())))
                    .append('\n');
            vtt.append(text).append('\n');
        }
        return vtt.toString();
    }

    /** {@code HH:MM:SS.mmm}, rounded to the millisecond; hours grow past two digits for very long recordings. */
    static String timestamp(double seconds) {
        long millis = Math.round(Math.max(0, seconds) * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%03d",
                millis / 3_600_000,
                millis / 60_000 % 60,
                millis / 1000 % 60,
                millis % 1000);
    }

    private static String cueText(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return escaped.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }
}
