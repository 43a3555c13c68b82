package org.creatorarchiver.orchestrator.videos;

/**
 * How durations are shown to users (CLI and API): {@code H:MM:SS} from one hour on, else {@code M:SS}, truncated to
 * whole seconds (docs/ARCHITECTURE.md "Orchestrator CLI and HTTP API": a 59.9 s video shows as 0:59, so it never
 * looks longer than a limit).
 */
public final class DurationFormat {

    private DurationFormat() {}

    /** @param seconds a duration of at least 0 s, as stored or measured (fractions are dropped) */
    public static String of(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("duration must be a finite number of seconds >= 0, got " + seconds);
        }
        long whole = (long) Math.floor(seconds);
        long hours = whole / 3600;
        long minutes = whole % 3600 / 60;
        long rest = whole % 60;
        return hours > 0
                ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }
}
