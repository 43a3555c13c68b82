package org.creatorarchiver.http;

import okhttp3.HttpUrl;

import java.util.Locale;

/**
 * A URL as it may appear in logs and error messages: signed CDN and Mux URLs carry short-lived access tokens in
 * their query, whose values are replaced by {@code ***}; everything else is kept so the URL stays recognisable.
 */
final class LoggableUrl {

    private LoggableUrl() {
    }

    static String of(HttpUrl url) {
        if (url.querySize() == 0) {
            return url.toString();
        }
        HttpUrl.Builder builder = url.newBuilder().query(null);
        for (int i = 0; i < url.querySize(); i++) {
            String name = url.queryParameterName(i);
            String value = url.queryParameterValue(i);
            builder.addQueryParameter(name, value != null && isCredential(name) ? "***" : value);
        }
        return builder.build().toString();
    }

    private static boolean isCredential(String parameterName) {
        String name = parameterName.toLowerCase(Locale.ROOT);
        return name.contains("token") || name.contains("signature") || name.contains("policy")
                || name.contains("key") || name.contains("auth") || name.contains("session");
    }
}
