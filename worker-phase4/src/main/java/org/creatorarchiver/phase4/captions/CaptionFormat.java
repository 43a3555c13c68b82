package org.creatorarchiver.phase4.captions;

import java.util.List;
import java.util.regex.Pattern;

/** The two caption formats yt-dlp and Patreon hand out, told apart by their content, never by a file name. */
enum CaptionFormat {
    WEBVTT,
    SRT;

    /** "WEBVTT" alone or followed by a space or tab and free text, as the WebVTT specification allows. */
    private static final Pattern VTT_SIGNATURE = Pattern.compile("WEBVTT(?:[ \\t].*)?");

    /**
     * WebVTT when the first line that is not blank is the signature; otherwise SRT when a cue timing line can be
     * found (a file without the signature is read as SRT, whose reader also accepts WebVTT's dot decimals).
     *
     * @throws MalformedCaptionsException the content is empty or has neither a signature nor any cue timing
     */
    static CaptionFormat detect(List<String> lines) {
        String first =
                lines.stream().filter(line -> !line.isBlank()).findFirst().orElse(null);
        if (first == null) {
            throw new MalformedCaptionsException(0, "the caption file is empty");
        }
        if (VTT_SIGNATURE.matcher(first.strip()).matches()) {
            return WEBVTT;
        }
        if (lines.stream().anyMatch(line -> line.contains(CueTiming.ARROW))) {
            return SRT;
        }
        throw new MalformedCaptionsException(
                0, "neither WebVTT nor SRT: no \"WEBVTT\" header and no cue timing (\"-->\") in the file");
    }

    /**
     * Blocks end at an empty line. WebVTT counts a line holding only spaces as text (YouTube's automatic captions
     * start each cue with one), SRT files in the wild separate cues with such lines.
     */
    boolean endsBlock(String line) {
        return this == WEBVTT ? line.isEmpty() : line.isBlank();
    }
}
