package org.creatorarchiver.http;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * A URL as it may appear in logs and error messages: signed CDN and Mux URLs carry short-lived access tokens in
 * their query, whose values are replaced by {@code ***}. JSON:API boilerplate ({@code include}, {@code fields[...]},
 * {@code json-api-...}) is left out: it is the same on every call and would push the error itself out of a
 * one-line message. Everything else is kept as sent so the URL stays recognisable.
 */
public final class LoggableUrl {

    private static final Pattern BOILERPLATE =
            Pattern.compile("(include|fields%5B[^=]*%5D|fields\\[[^=]*]|json-api-[a-z-]+)=");
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("token|signature|policy|key|auth|session");

    private LoggableUrl() {}

    public static String of(HttpUrl url) {
        String query = url.encodedQuery();
        if (query == null) {
            return url.toString();
        }
        String masked = Pattern.compile("&")
                .splitAsStream(query)
                .filter(parameter -> !BOILERPLATE.matcher(parameter).lookingAt())
                .map(LoggableUrl::maskCredential)
                .collect(Collectors.joining("&"));
        return url.newBuilder()
                .encodedQuery(masked.isEmpty() ? null : masked)
                .build()
                .toString();
    }

    private static String maskCredential(String parameter) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
            return parameter;
        }
        String name = parameter.substring(0, equals).toLowerCase(Locale.ROOT);
        return CREDENTIAL_NAME.matcher(name).find() ? parameter.substring(0, equals) + "=***" : parameter;
    }
}
