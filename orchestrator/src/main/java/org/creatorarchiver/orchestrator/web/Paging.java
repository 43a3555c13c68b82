package org.creatorarchiver.orchestrator.web;

import io.javalin.http.Context;

/**
 * One page of a long table: which page ({@code ?page=}, from 1), how many rows per page, and how many rows there are
 * in all, for the pager's links.
 */
public record Paging(int page, int size, long total) {

    /** The page the request asks for, of {@code total} rows. */
    public static Paging of(Context ctx, int size, long total) {
        return new Paging(requestedPage(ctx), size, total);
    }

    /** {@code ?page=}, from 1; 1 when absent or unreadable. */
    public static int requestedPage(Context ctx) {
        String page = ctx.queryParam("page");
        try {
            return page == null ? 1 : Math.max(1, Math.min(Integer.parseInt(page.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 1;
        }
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
