package org.creatorarchiver.phase4.summarize;

import java.util.ArrayList;
import java.util.List;
import org.creatorarchiver.phase4.text.Segment;

/**
 * The map step's parts of a transcript too long for one request: consecutive segments, cut only between segments (so
 * no sentence is split mid-way) unless one segment alone is over the limit, which is then cut between words.
 */
public final class TranscriptParts {

    private TranscriptParts() {}

    /** @param maxTokens what the text of one part may count (the prompt's share already taken off) */
    public static List<String> split(List<Segment> segments, int maxTokens) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (Segment segment : segments) {
            for (String piece : pieces(segment.text().strip(), maxTokens)) {
                if (!part.isEmpty() && TokenEstimate.of(part + " " + piece) > maxTokens) {
                    parts.add(part.toString());
                    part.setLength(0);
                }
                part.append(part.isEmpty() ? "" : " ").append(piece);
            }
        }
        if (!part.isEmpty()) {
            parts.add(part.toString());
        }
        return parts;
    }

    /** A segment as it is, or cut between words when it alone is over the limit. */
    private static List<String> pieces(String text, int maxTokens) {
        if (TokenEstimate.of(text) <= maxTokens) {
            return text.isEmpty() ? List.of() : List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (!piece.isEmpty() && TokenEstimate.of(piece + " " + word) > maxTokens) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : " ").append(word);
        }
        pieces.add(piece.toString());
        return pieces;
    }
}
