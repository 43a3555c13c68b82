package org.creatorarchiver.phase4.captions;

import java.util.ArrayList;
import java.util.List;

/**
 * YouTube's automatic captions roll: each cue shows the previous line again above the new one, and between two
 * such cues a 10 ms cue shows the finished line alone. Read naively, every line would be said two or three times.
 * When a file rolls, each cue keeps only the lines the previous cue did not end with, so that each spoken line
 * appears once, timed from the cue where it first appeared.
 */
final class RollingCaptions {

    /** A file rolls when at least half of its cues open with the line(s) the previous cue ended with. */
    private static final double ROLLING_SHARE = 0.5;
    /** Two repeated lines in a row could be speech ("No." "No."); rolling captions repeat all along. */
    private static final int MIN_REPEATS = 2;

    private RollingCaptions() {}

    /** @param cues cues with text, in file order */
    static List<Cue> collapse(List<Cue> cues) {
        if (!rolls(cues)) {
            return cues;
        }
        List<Cue> collapsed = new ArrayList<>();
        for (int i = 0; i < cues.size(); i++) {
            Cue cue = cues.get(i);
            List<String> previous = i == 0 ? List.of() : cues.get(i - 1).lines();
            List<String> fresh = cue.lines()
                    .subList(overlap(previous, cue.lines()), cue.lines().size());
            if (!fresh.isEmpty()) {
                collapsed.add(new Cue(cue.start(), cue.end(), fresh, cue.lineNumber()));
            }
        }
        return List.copyOf(collapsed);
    }

    private static boolean rolls(List<Cue> cues) {
        long repeats = 0;
        for (int i = 1; i < cues.size(); i++) {
            if (overlap(cues.get(i - 1).lines(), cues.get(i).lines()) > 0) {
                repeats++;
            }
        }
        return repeats >= MIN_REPEATS && repeats >= ROLLING_SHARE * (cues.size() - 1);
    }

    /** The largest count of lines that ends {@code previous} and starts {@code current}. */
    private static int overlap(List<String> previous, List<String> current) {
        for (int count = Math.min(previous.size(), current.size()); count > 0; count--) {
            if (previous.subList(previous.size() - count, previous.size()).equals(current.subList(0, count))) {
                return count;
            }
        }
        return 0;
    }
}
