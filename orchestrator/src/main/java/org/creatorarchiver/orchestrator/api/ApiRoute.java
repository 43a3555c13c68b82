package org.creatorarchiver.orchestrator.api;

/** A read-only JSON route: answers a status code and a body (JSON, or text for {@code /metrics}). */
@FunctionalInterface
public interface ApiRoute {
    ApiResponse handle(ApiQuery query) throws Exception;
}
