package io.rekindle.demo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One email as the demo's customers see it: who it is for, what it says, and the links a person could follow. */
record Mail(String to, String subject, String messageId, String html, String text, String unsubscribeUrl) {

    private static final Pattern PIXEL = Pattern.compile("<img src=\"(https?://[^\"]+/t/o/[^\"]+)\"");
    private static final Pattern TRACKED_LINK = Pattern.compile("href=\"(https?://[^\"]+/t/c/[^\"]+)\"");
    private static final Pattern SURVEY_LINK = Pattern.compile("https?://\\S+/s/[A-Za-z0-9._~-]+");

    /** The open-tracking image an email client loads when the mail is shown (none in a plain-text mail). */
    String pixel() {
        Matcher m = PIXEL.matcher(html == null ? "" : html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    List<String> trackedLinks() {
        Matcher m = TRACKED_LINK.matcher(html == null ? "" : html);
        return m.results().map(r -> r.group(1).replace("&amp;", "&")).toList();
    }

    /** The personal survey link, as the text part shows it. */
    String surveyLink() {
        Matcher m = SURVEY_LINK.matcher(text == null ? "" : text);
        return m.find() ? m.group() : null;
    }

    boolean offersDiscount() {
        return text != null && text.contains("% off");
    }
}
