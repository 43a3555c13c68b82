package org.creatorarchiver.phase3.store;

/**
 * What storing one listing of a source's collections did.
 *
 * @param added   collections seen for the first time
 * @param changed known collections whose attributes or posts (which, or their order) changed
 * @param removed collections Patreon no longer lists, deleted with their membership
 */
public record StoredCollections(int listed, int added, int changed, int removed) {}
