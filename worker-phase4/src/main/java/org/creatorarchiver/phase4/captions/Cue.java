package org.creatorarchiver.phase4.captions;

import java.util.List;

/**
 * One cue as read from the file: its timing and its lines of clean text (lines that held only markup are gone).
 *
 * @param lineNumber where its timing line is, for messages
 */
record Cue(double start, double end, List<String> lines, int lineNumber) {

    Cue {
        lines = List.copyOf(lines);
    }

    String text() {
        return String.join(" ", lines);
    }
}
