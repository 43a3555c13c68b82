package org.creatorarchiver.phase4.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the cues of a WebVTT or SRT file, block by block (blocks end at an empty line). WebVTT: the header block
 * (signature plus free text such as YouTube's {@code Kind: captions}), then cues with an optional identifier line,
 * and NOTE, STYLE and REGION blocks, which are skipped. SRT: a cue number, the timing, the text.
 */
final class CueReader {

    /** A WebVTT block that is not a cue: the keyword alone or followed by a space, a tab or a line break. */
    private static final Pattern NON_CUE_BLOCK = Pattern.compile("(?:NOTE|STYLE|REGION)(?:[ \\t].*)?");

    private static final Pattern CUE_NUMBER = Pattern.compile("\\s*\\d+\\s*");

    private final CaptionFormat format;
    private final List<Cue> cues = new ArrayList<>();
    private boolean firstBlockRead;

    private CueReader(CaptionFormat format) {
        this.format = format;
    }

    /**
     * @param lines the file's lines, without line terminators or byte-order mark
     * @throws MalformedCaptionsException a block is neither a cue nor a block the format allows
     */
    static List<Cue> read(List<String> lines, CaptionFormat format) {
        CueReader reader = new CueReader(format);
        int blockStart = -1;
        for (int i = 0; i <= lines.size(); i++) {
            boolean boundary = i == lines.size() || format.endsBlock(lines.get(i));
            if (boundary && blockStart >= 0) {
                reader.block(lines.subList(blockStart, i), blockStart + 1);
                blockStart = -1;
            } else if (!boundary && blockStart < 0) {
                blockStart = i;
            }
        }
        return List.copyOf(reader.cues);
    }

    /** @param firstLineNumber the 1-based number of the block's first line */
    private void block(List<String> block, int firstLineNumber) {
        boolean header = format == CaptionFormat.WEBVTT && !firstBlockRead;
        firstBlockRead = true;
        if (header) {
            // Lenient: a cue written right below the header, without the blank line, is still read.
            int timing = timingIndex(block, 0);
            if (timing >= 0) {
                cue(block.subList(timing, block.size()), firstLineNumber + timing);
            }
        } else if (format == CaptionFormat.WEBVTT
                && NON_CUE_BLOCK.matcher(block.getFirst()).matches()) {
            return;
        } else {
            int timing = cueStart(block, firstLineNumber);
            cue(block.subList(timing, block.size()), firstLineNumber + timing);
        }
    }

    /** Where the timing line is: first, or second after an identifier (WebVTT) or a cue number (SRT). */
    private int cueStart(List<String> block, int firstLineNumber) {
        if (block.getFirst().contains(CueTiming.ARROW)) {
            return 0;
        }
        boolean labelled = block.size() > 1 && block.get(1).contains(CueTiming.ARROW);
        if (labelled
                && (format == CaptionFormat.WEBVTT
                        || CUE_NUMBER.matcher(block.getFirst()).matches())) {
            return 1;
        }
        String expected = format == CaptionFormat.WEBVTT
                ? "a cue timing line (\"00:01.000 --> 00:02.000\") or a NOTE, STYLE or REGION block"
                : "a subtitle number followed by a timing line (\"00:00:01,000 --> 00:00:02,000\")";
        throw new MalformedCaptionsException(
                firstLineNumber,
                "expected " + expected + ", found \"" + block.getFirst().strip() + "\"");
    }

    /**
     * Cue text never holds "-->": such a line starts the next cue even without the blank line before it (as the
     * WebVTT parsing rules say; SRT files that lost their blank lines are read alike, the cue number included).
     *
     * @param block the timing line, then the text lines, then maybe further cues
     */
    private void cue(List<String> block, int timingLineNumber) {
        int next = timingIndex(block, 1);
        int textEnd = next < 0 ? block.size() : textEnd(block, next);
        CueTiming timing = CueTiming.parse(block.getFirst(), timingLineNumber);
        List<String> text = block.subList(1, textEnd).stream()
                .map(CueText::clean)
                .filter(line -> !line.isEmpty())
                .toList();
        cues.add(new Cue(timing.start(), timing.end(), text, timingLineNumber));
        if (next > 0) {
            cue(block.subList(next, block.size()), timingLineNumber + next);
        }
    }

    /** Where the text before the next timing line ends: before SRT's cue number, when it has one. */
    private int textEnd(List<String> block, int nextTiming) {
        boolean numbered = nextTiming > 1
                && format == CaptionFormat.SRT
                && CUE_NUMBER.matcher(block.get(nextTiming - 1)).matches();
        return numbered ? nextTiming - 1 : nextTiming;
    }

    /** The index of the first line from {@code from} on that holds a timing arrow, or -1. */
    private static int timingIndex(List<String> block, int from) {
        for (int i = from; i < block.size(); i++) {
            if (block.get(i).contains(CueTiming.ARROW)) {
                return i;
            }
        }
        return -1;
    }
}
