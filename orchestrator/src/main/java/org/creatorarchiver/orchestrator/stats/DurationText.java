package org.creatorarchiver.orchestrator.stats;

/**
 * A length in seconds as a clock reads it: {@code H:MM:SS} from an hour on, else {@code M:SS} (754 -> {@code 12:34}).
 * Kept here until the CLI's shared formatter exists; both follow DESIGN.md (whole seconds, truncated).
 */
final class DurationText {

    private DurationText() {
    }

    static String of(long seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("a duration cannot be negative, got " + seconds + " s");
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest) : String.format("%d:%02d", minutes, rest);
    }
}
