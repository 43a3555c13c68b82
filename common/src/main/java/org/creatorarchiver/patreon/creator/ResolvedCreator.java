package org.creatorarchiver.patreon.creator;

import java.util.Optional;

/**
 * A creator found on Patreon.
 *
 * @param campaignId the campaign id that every later call uses
 * @param vanity     the creator's vanity name (lowercase), when Patreon told it
 * @param name       the campaign's display name, when Patreon told it
 * @param url        the creator page's URL on patreon.com, when known
 * @param via        how it was found (search, campaign API, creator page...), for the log
 */
public record ResolvedCreator(
        String campaignId, Optional<String> vanity, Optional<String> name, Optional<String> url, String via) {}
