package org.creatorarchiver.phase2.decide;

import java.util.Optional;
import org.creatorarchiver.videos.DurationSkip;

/** What the media job does with a video, decided right before downloading ({@link MediaPolicy#beforeDownload}). */
public sealed interface BeforeDownload {

    /** A YouTube video playable in an embed ({@code download_if_embed_fails}): kept as an embed. */
    record KeepEmbed() implements BeforeDownload {}

    /** Over its limit: skipped with these figures, nothing downloaded. */
    record Skip(DurationSkip skip) implements BeforeDownload {}

    /** Downloaded; {@code knownSeconds} is the duration known beforehand (none: measured after). */
    record Download(Optional<Double> knownSeconds) implements BeforeDownload {}
}
