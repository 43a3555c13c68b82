package org.creatorarchiver.phase4.captions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creatorarchiver.phase4.text.Segment;
import org.creatorarchiver.phase4.text.TimedText;

/**
 * Turns a WebVTT or SRT caption file into a {@link TimedText}: one segment per cue, in time order, with clean
 * one-line text. The format is told by the content. Empty cues are dropped, and YouTube's rolling automatic
 * captions are collapsed so that each spoken line appears once ({@link RollingCaptions}). Stateless.
 */
public final class CaptionParser {

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CaptionParser() {}

    /**
     * Reads a caption file: UTF-8 (what WebVTT requires and yt-dlp writes), or Windows-1252 for an older SRT that is
     * not valid UTF-8 (such files are common, and Latin-1 text is never valid UTF-8 once it has an accent).
     *
     * @param language the track's language tag, which the text keeps
     * @throws MalformedCaptionsException the file is neither valid WebVTT nor valid SRT (the message names the line)
     * @throws IOException                the file cannot be read
     */
    public static TimedText parse(Path file, String language) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(bytes))
                            .toString(),
                    language);
        } catch (CharacterCodingException notUtf8) {
            return parse(new String(bytes, WINDOWS_1252), language);
        }
    }

    /**
     * Parses caption content.
     *
     * @param language the track's language tag, which the text keeps
     * @throws MalformedCaptionsException the content is neither valid WebVTT nor valid SRT (the message names the line)
     */
    public static TimedText parse(String content, String language) {
        String text = !content.isEmpty() && content.charAt(0) == BYTE_ORDER_MARK ? content.substring(1) : content;
        List<String> lines = List.of(LINE_BREAK.split(text, -1));
        CaptionFormat format = CaptionFormat.detect(lines);
        List<Cue> spoken = CueReader.read(lines, format).stream()
                .filter(cue -> !cue.lines().isEmpty())
                .toList();
        List<Segment> segments = RollingCaptions.collapse(spoken).stream()
                .sorted(Comparator.comparingDouble(Cue::start))
                .map(cue -> new Segment(cue.start(), cue.end(), cue.text()))
                .toList();
        return new TimedText(segments, Optional.of(language));
    }
}
