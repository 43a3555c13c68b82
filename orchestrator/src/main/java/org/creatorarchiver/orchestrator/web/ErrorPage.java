package org.creatorarchiver.orchestrator.web;

import java.util.Map;

/** The page of a refusal or failure, in the dashboard's layout. */
final class ErrorPage {

    private ErrorPage() {}

    static String html(int status, String message) {
        return Templates.render("error.jte", Map.of("status", status, "message", message, "csrf", ""));
    }
}
