package io.rekindle.messaging.links;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds tracking to an email's HTML: every http(s) link but the unsubscribe link goes through a click redirect, and a
 * one-pixel image marks the open.
 */
public final class TrackedHtml {

    private static final Pattern HREF = Pattern.compile("href=\"(https?://[^\"]+)\"", Pattern.CASE_INSENSITIVE);

    private TrackedHtml() {
    }

    public static String track(String html, String unsubscribeUrl, UnaryOperator<String> clickUrl, String pixelUrl) {
        Matcher m = HREF.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group(1).replace("&amp;", "&");
            String target = url.equals(unsubscribeUrl) ? m.group(1) : clickUrl.apply(url).replace("&", "&amp;");
            m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + target + "\""));
        }
        m.appendTail(out);
        String pixel = "<img src=\"" + pixelUrl + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:none\">";
        int body = out.lastIndexOf("</body>");
        return body >= 0 ? out.insert(body, pixel).toString() : out.append(pixel).toString();
    }
}
