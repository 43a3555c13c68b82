package org.creatorarchiver.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sends the configured user agent unless a caller chose one for that request. */
final class UserAgentInterceptor implements Interceptor {

    private final String userAgent;

    UserAgentInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().header("User-Agent") != null) {
            return chain.proceed(chain.request());
        }
        return chain.proceed(
                chain.request().newBuilder().header("User-Agent", userAgent).build());
    }
}
