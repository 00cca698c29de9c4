package org.opencc.taskrouter.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * TaskRouter's list envelope: the items under the resource key and {@code meta} with page URLs on our public
 * base URL, so SDK readers follow {@code next_page_url} back to us. Pages are offset-based: {@code Page} and
 * {@code PageSize} (1–1000, default 50). Page URLs also carry Twilio's opaque {@code PageToken}; it is read only
 * when {@code Page} is absent.
 */
public final class Paging {
    public static final int DEFAULT_PAGE_SIZE = 50;
    private static final String TOKEN_PREFIX = "PT";
    private final int page;
    private final int pageSize;

    private Paging(int page, int pageSize) {
        this.page = page;
        this.pageSize = pageSize;
    }

    public static Paging from(Form query) {
        int size = query.integer("PageSize", 1, 1000).orElse(DEFAULT_PAGE_SIZE);
        int page = query.integer("Page", 0, Integer.MAX_VALUE / 1000)
                .orElseGet(() -> query.optional("PageToken").map(Paging::pageOfToken).orElse(0));
        return new Paging(page, size);
    }

    private static int pageOfToken(String token) {
        try {
            int page = token.startsWith(TOKEN_PREFIX) ? Integer.parseInt(token.substring(TOKEN_PREFIX.length())) : -1;
            if (page >= 0 && page <= Integer.MAX_VALUE / 1000) {
                return page;
            }
        } catch (NumberFormatException e) {
            // same answer as any token we did not hand out
        }
        throw TwilioErrors.invalid("PageToken", "is not a token from a page URL");
    }

    public int limit() {
        return pageSize + 1; // one extra row tells whether a next page exists
    }

    public int offset() {
        return page * pageSize;
    }

    /** This page's rows (with the look-ahead row) out of a whole list, for lists filtered in memory. */
    public <T> List<T> slice(List<T> all) {
        int from = Math.min(offset(), all.size());
        return all.subList(from, Math.min(all.size(), from + limit()));
    }

    /**
     * @param rows up to {@link #limit()} rows fetched at {@link #offset()}
     * @param url the list's absolute URL without query
     * @param filters the list's filter parameters, repeated in every page URL
     */
    public <T> Map<String, Object> envelope(String key, List<T> rows, Function<T, Map<String, Object>> mapper,
            String url, Map<String, String> filters) {
        boolean more = rows.size() > pageSize;
        List<Map<String, Object>> items = new ArrayList<>();
        for (T row : more ? rows.subList(0, pageSize) : rows) {
            items.add(mapper.apply(row));
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("page_size", pageSize);
        meta.put("first_page_url", pageUrl(url, filters, 0));
        meta.put("previous_page_url", page > 0 ? pageUrl(url, filters, page - 1) : null);
        meta.put("url", pageUrl(url, filters, page));
        meta.put("next_page_url", more ? pageUrl(url, filters, page + 1) : null);
        meta.put("key", key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, items);
        body.put("meta", meta);
        return body;
    }

    private String pageUrl(String url, Map<String, String> filters, int p) {
        StringBuilder query = new StringBuilder();
        filters.forEach((name, value) -> {
            if (value != null) {
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        query.append("PageSize=").append(pageSize).append("&Page=").append(p);
        if (p > 0) {
            query.append("&PageToken=").append(TOKEN_PREFIX).append(p);
        }
        return url + "?" + query;
    }
}
