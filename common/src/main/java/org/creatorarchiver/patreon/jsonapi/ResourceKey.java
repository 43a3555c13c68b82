package org.creatorarchiver.patreon.jsonapi;

/** A JSON:API resource identifier: ids are unique only within a type, so joins use both. */
public record ResourceKey(String type, String id) {

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
