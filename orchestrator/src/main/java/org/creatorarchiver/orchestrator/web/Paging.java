package org.creatorarchiver.orchestrator.web;

import io.javalin.http.Context;

/**
 * One page of a long table: which page ({@code ?page=}, from 1), how many rows per page, and how many rows there are
 * in all, for the pager's links.
 */
public record Paging(int page, int size, long total) {

    /** The page the request asks for (1 when absent or unreadable). */
    public static Paging of(Context ctx, int size, long total) {
        int page;
        try {
            page = Math.max(1, Integer.parseInt(ctx.queryParam("page") == null ? "1" : ctx.queryParam("page")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        return new Paging(page, size, total);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return offset() + size < total;
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
