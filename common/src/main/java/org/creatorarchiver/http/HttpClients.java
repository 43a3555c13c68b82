package org.creatorarchiver.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.OkHttpClient;
import org.redisson.api.RedissonClient;

/**
 * The process's HTTP clients: one {@link OkHttpClient} (connection pool, dispatcher) from which the Patreon client
 * (session cookie for PATREON_BASE_URL's origin only, rate limit, 429 pauses) and the media client (no cookies at
 * all, long reads, no rate limit) derive. Close it once at shutdown.
 */
public final class HttpClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration API_READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MEDIA_READ_TIMEOUT = Duration.ofSeconds(120);

    private final OkHttpClient shared;
    private final PatreonHttp patreon;
    private final MediaHttp media;

    private HttpClients(OkHttpClient shared, PatreonHttp patreon, MediaHttp media) {
        this.shared = shared;
        this.patreon = patreon;
        this.media = media;
    }

    /**
     * Builds the clients; logs the one start-up warning when no session cookie is configured.
     *
     * @param redisson the Redis every worker shares: it carries the rate limit and the 429 pauses
     * @param clock    decides when pauses end
     */
    public static HttpClients create(HttpClientSettings settings, RedissonClient redisson, Clock clock) {
        OkHttpClient shared = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(10, 5, TimeUnit.MINUTES))
                .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
                .connectTimeout(shorter(CONNECT_TIMEOUT, settings.timeout()))
                .cookieJar(CookieJar.NO_COOKIES)
                .build();
        PatreonHttp patreon = new PatreonHttp(
                patreonClient(shared, settings),
                settings,
                new HostRateLimiter(redisson, settings.requestsPerSecond()),
                new HostPauses(redisson, clock),
                clock);
        MediaHttp media = new MediaHttp(mediaClient(shared, settings), settings, clock);
        return new HttpClients(shared, patreon, media);
    }

    public PatreonHttp patreon() {
        return patreon;
    }

    public MediaHttp media() {
        return media;
    }

    @Override
    public void close() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
    }

    private static OkHttpClient patreonClient(OkHttpClient shared, HttpClientSettings settings) {
        CookieJar cookies = settings.session()
                .<CookieJar>map(id -> new PatreonSessionCookieJar(settings.patreonOrigin(), id))
                .orElse(CookieJar.NO_COOKIES);
        return shared.newBuilder()
                .cookieJar(cookies)
                .callTimeout(settings.timeout())
                .readTimeout(shorter(API_READ_TIMEOUT, settings.timeout()))
                // Our own retry handles failed connections, so every request the server sees went through the
                // rate limiter and counts as one attempt.
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Downloads may last hours: no call timeout, and CDNs may stall a while before a large body flows. */
    private static OkHttpClient mediaClient(OkHttpClient shared, HttpClientSettings settings) {
        return shared.newBuilder()
                .cookieJar(CookieJar.NO_COOKIES)
                .callTimeout(Duration.ZERO)
                .readTimeout(longer(MEDIA_READ_TIMEOUT, settings.timeout()))
                .build();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
