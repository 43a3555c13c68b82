package org.creatorarchiver.queue;

import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
    }

    long evalLong(RedissonClient redis, List<Object> keys, Object... args) {
        Long result = script(redis).eval(RScript.Mode.READ_WRITE, source, RScript.ReturnType.LONG, keys, args);
        return result == null ? 0 : result;
    }

    <T> List<T> evalList(RedissonClient redis, List<Object> keys, Object... args) {
        List<T> result = script(redis).eval(RScript.Mode.READ_WRITE, source, RScript.ReturnType.LIST, keys, args);
        return result == null ? List.of() : result;
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

    @Override
    public String toString() {
        return name;
    }
}
