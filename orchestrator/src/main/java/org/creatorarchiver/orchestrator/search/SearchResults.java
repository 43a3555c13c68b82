package org.creatorarchiver.orchestrator.search;

import java.util.List;

/** How many things matched in all, and the best ranked of them (as many as the limit asked). */
public record SearchResults(long total, List<SearchHit> results) {

    public SearchResults {
        results = List.copyOf(results);
    }
}
