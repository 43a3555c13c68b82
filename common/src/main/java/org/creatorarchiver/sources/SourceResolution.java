package org.creatorarchiver.sources;

import org.creatorarchiver.db.generated.enums.SourceStatus;
import org.creatorarchiver.http.HttpFailureException;
import org.creatorarchiver.patreon.MalformedResponseException;
import org.creatorarchiver.patreon.creator.CampaignResolver;
import org.creatorarchiver.patreon.creator.CreatorNotFoundException;
import org.creatorarchiver.patreon.creator.ResolvedCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a source its campaign id (and name, vanity and URL), whichever phase meets it first (phase 1 or 3): asks
 * Patreon once, records the answer, and records "not found" on the row when Patreon has no such creator.
 */
public final class SourceResolution {

    private static final Logger log = LoggerFactory.getLogger(SourceResolution.class);

    private final SourceStore sources;
    private final CampaignResolver resolver;

    public SourceResolution(SourceStore sources, CampaignResolver resolver) {
        this.sources = sources;
        this.resolver = resolver;
    }

    /**
     * @return the source with its campaign id (possibly another row, when this one merged into it)
     * @throws CreatorNotFoundException after recording {@code not_found} with the reason on the row
     */
    public Source resolved(Source source)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        // A source enqueued by campaign id is asked about once too: it learns its name and vanity, and an unknown
        // id is "not found" with a reason rather than an empty listing.
        if (source.campaignId().isPresent() && source.name().isPresent()) {
            return source;
        }
        ResolvedCreator creator = resolveOrRecordNotFound(source);
        Source resolved = sources.recordResolved(source.id(), creator);
        logResolved(source, creator, resolved);
        return resolved;
    }

    private ResolvedCreator resolveOrRecordNotFound(Source source)
            throws CreatorNotFoundException, HttpFailureException, MalformedResponseException, InterruptedException {
        try {
            return resolver.resolve(source.creatorRef());
        } catch (CreatorNotFoundException e) {
            sources.recordFailure(source.id(), SourceStatus.not_found, e.getMessage());
            log.warn("{}: not found: {}", source.label(), e.getMessage());
            throw e;
        }
    }

    private static void logResolved(Source source, ResolvedCreator creator, Source resolved) {
        if (resolved.id() != source.id()) {
            log.info(
                    "{} is campaign {}, already archived as source {}: merged into it",
                    source.label(),
                    creator.campaignId(),
                    resolved.id());
        } else {
            log.info("{} is campaign {} (found through the {})", source.label(), creator.campaignId(), creator.via());
        }
    }
}
