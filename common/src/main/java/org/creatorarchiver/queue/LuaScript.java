package org.creatorarchiver.queue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** One of the queue's Lua scripts (kept as .lua resources next to this class so they read as Lua). */
final class LuaScript {

    static final LuaScript MOVE_JOB = load("move_job.lua");
    static final LuaScript PROMOTE_DUE = load("promote_due.lua");
    static final LuaScript HAND_BACK = load("hand_back.lua");
    static final LuaScript ACK_AND_TAKE = load("ack_and_take.lua");
    static final LuaScript ENQUEUE_UNLESS_WAITING = load("enqueue_unless_waiting.lua");
    static final LuaScript HELD_JOBS = load("held_jobs.lua");

    private final String name;
    private final String source;
    /** The SHA-1 Redis knows the script by once it has run it (EVALSHA sends this instead of the source). */
    private final String sha1;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    long evalLong(RedissonClient redis, List<Object> keys, Object... args) {
        Long result = script(redis).eval(RScript.Mode.READ_WRITE, source, RScript.ReturnType.LONG, keys, args);
        return result == null ? 0 : result;
    }

    <T> List<T> evalList(RedissonClient redis, List<Object> keys, Object... args) {
        List<T> result = script(redis).eval(RScript.Mode.READ_WRITE, source, RScript.ReturnType.LIST, keys, args);
        return result == null ? List.of() : result;
    }

    /** Runs the script over a blocking connection (the queue's per-job path); see {@link #evalList(RedissonClient, List, Object...)}. */
    @SuppressWarnings("unchecked")
    <T> List<T> evalList(UnifiedJedis redis, List<String> keys, List<String> args) {
        Object result;
        try {
            result = redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException e) {
            // Redis restarted or its script cache was flushed: EVAL runs the script and caches it again.
            result = redis.eval(source, keys, args);
        }
        return result == null ? List.of() : (List<T>) result;
    }

    private static RScript script(RedissonClient redis) {
        return redis.getScript(StringCodec.INSTANCE);
    }

    private static LuaScript load(String name) {
        try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + name + " is missing from the classpath");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Lua script " + name, e);
        }
    }

    private static String sha1Hex(String source) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
