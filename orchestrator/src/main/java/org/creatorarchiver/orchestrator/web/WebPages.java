package org.creatorarchiver.orchestrator.web;

/** A part of the dashboard: it adds its pages and actions to the server's routes. */
@FunctionalInterface
public interface WebPages {
    void addTo(PageRoutes routes);
}
