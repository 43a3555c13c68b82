package org.creatorarchiver.sources;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.db.generated.tables.records.SourcesRecord;
import org.creatorarchiver.patreon.CreatorRef;

/**
 * A creator to archive, as its {@code sources} row says.
 *
 * @param campaignId     {@code external_id}; empty until resolved
 * @param name           the campaign's name; empty until Patreon was asked about the creator
 * @param syncCursor     phase 1's checkpoint: the next listing page to fetch
 * @param lastSyncedAt   end of the last complete listing; empty when no listing ever completed
 */
public record Source(
        long id,
        Optional<String> campaignId,
        Optional<String> vanity,
        Optional<String> userId,
        Optional<String> name,
        SourceStatus status,
        Integer maxVideoDurationSeconds,
        Optional<String> syncCursor,
        Optional<Instant> lastSyncedAt) {

    static Source of(SourcesRecord row) {
        return new Source(
                row.getId(),
                Optional.ofNullable(row.getExternalId()),
                Optional.ofNullable(row.getVanity()),
                Optional.ofNullable(row.getUserExternalId()),
                Optional.ofNullable(row.getName()),
                row.getStatus(),
                row.getMaxVideoDurationSeconds(),
                Optional.ofNullable(row.getSyncCursor()),
                Optional.ofNullable(row.getLastSyncedAt()).map(OffsetDateTime::toInstant));
    }

    /** What to ask Patreon for: the campaign id when known, else the vanity, else the creator's user id. */
    public CreatorRef creatorRef() {
        if (campaignId.isPresent()) {
            return new CreatorRef.CampaignId(campaignId.get());
        }
        if (vanity.isPresent()) {
            return new CreatorRef.Vanity(vanity.get());
        }
        return new CreatorRef.UserId(userId.orElseThrow(
                () -> new IllegalStateException("source " + id + " has neither campaign id, vanity nor user id")));
    }

    /** How to name the source in logs and messages. */
    public String label() {
        return "source " + id + " ("
                + vanity.or(() -> campaignId.map(c -> "campaign " + c))
                        .or(() -> userId.map(u -> "user " + u))
                        .orElse("?")
                + ")";
    }
}
