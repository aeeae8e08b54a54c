package io.rekindle.platform.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, read by the endpoint itself: public endpoints check their
 * signature or token first and read a stranger's body only then (the framework would decode it before the method).
 */
public final class FormBody {

    private FormBody() {
    }

    /**
     * The fields in their order, each with its values.
     *
     * @throws IllegalArgumentException for a body that is not a form (a malformed percent-escape, say)
     */
    public static Map<String, List<String>> parse(byte[] body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** The field's first value, or null. */
    public static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
