package org.creatorarchiver.patreon;

/**
 * Which creator a user meant, as far as their input tells without asking Patreon: a vanity name (lowercased, as
 * Patreon treats them case-insensitively), a campaign id, or a user id (from {@code /user?u=} URLs).
 */
public sealed interface CreatorRef {

    /** The value as stored and shown (vanity lowercased; ids as digits). */
    String value();

    record Vanity(String value) implements CreatorRef {}

    record CampaignId(String value) implements CreatorRef {}

    record UserId(String value) implements CreatorRef {}
}
