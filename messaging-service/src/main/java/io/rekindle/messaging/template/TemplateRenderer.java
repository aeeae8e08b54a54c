package io.rekindle.messaging.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateException;
import io.rekindle.platform.http.Problem;

/**
 * Compiles and renders stored templates with Qute, in the {@link SandboxedEngine}. A template is checked part by part
 * when saved (syntax, the parts its channel needs, {@link TemplateRules}); parsed parts are cached by template version.
 * The html part escapes every value it writes.
 */
@ApplicationScoped
public class TemplateRenderer {

    private final Engine engine;
    private final Map<String, io.quarkus.qute.Template> parsed = new ConcurrentHashMap<>();

    TemplateRenderer() {
        this.engine = SandboxedEngine.create();
    }

    /** @throws InvalidTemplateException naming each part that does not compile or is missing */
    public void check(TemplateDefinition definition) {
        List<Problem.FieldError> errors = new ArrayList<>();
        definition.locales().forEach((locale, content) -> {
            String at = "locales/" + locale + "/";
            required(definition.channel(), content).forEach(part -> errors.add(
                    new Problem.FieldError(at + part, "is required for " + definition.channel().name().toLowerCase())));
            parts(content).forEach((part, text) -> {
                try {
                    TemplateRules.violations(parse(part, text)).forEach(violation -> errors.add(
                            new Problem.FieldError(at + part, "is not allowed: it " + violation)));
                } catch (TemplateException e) {
                    int line = e.getOrigin() == null ? 0 : e.getOrigin().getLine();
                    errors.add(new Problem.FieldError(at + part, "does not compile: line " + line + ": "
                            + reason(e)));
                }
            });
        });
        if (!errors.isEmpty()) {
            throw new InvalidTemplateException(errors);
        }
    }

    /** Renders the locale's content (or the fallback locale's) with this data. */
    public Rendered render(Template template, String locale, Map<String, Object> data) {
        String chosen = template.locales.containsKey(locale) ? locale : fallback(template, locale);
        LocalizedContent content = template.locales.get(chosen);
        String key = template.templateId + "@" + template.version + "/" + chosen + "/";
        String text = render(key, "text", content.text(), data);
        return new Rendered(render(key, "subject", content.subject(), data), render(key, "html", content.html(), data),
                text, render(key, "title", content.title(), data), render(key, "body", content.body(), data),
                render(key, "link", content.link(), data),
                template.channel == Channel.SMS ? SmsSegments.count(text) : null);
    }

    /** The locale's language (fr for fr-CA), else "en", else the first locale stored. */
    private static String fallback(Template template, String locale) {
        if (locale != null && locale.contains("-") && template.locales.containsKey(locale.substring(0, locale.indexOf('-')))) {
            return locale.substring(0, locale.indexOf('-'));
        }
        return template.locales.containsKey("en") ? "en" : template.locales.keySet().iterator().next();
    }

    private String render(String key, String part, String source, Map<String, Object> data) {
        if (source == null) {
            return null;
        }
        return parsed.computeIfAbsent(key + part, k -> parse(part, source)).data(data).render();
    }

    private io.quarkus.qute.Template parse(String part, String source) {
        return "html".equals(part) ? engine.parse(source, SandboxedEngine.HTML) : engine.parse(source);
    }

    private static List<String> required(Channel channel, LocalizedContent c) {
        List<String> missing = new ArrayList<>();
        switch (channel) {
            case EMAIL -> {
                if (blank(c.subject())) {
                    missing.add("subject");
                }
                if (blank(c.html()) && blank(c.text())) {
                    missing.add("html");
                }
            }
            case SMS -> {
                if (blank(c.text())) {
                    missing.add("text");
                }
            }
            case PUSH -> {
                if (blank(c.title())) {
                    missing.add("title");
                }
                if (blank(c.body())) {
                    missing.add("body");
                }
            }
        }
        return missing;
    }

    private static Map<String, String> parts(LocalizedContent c) {
        Map<String, String> parts = new java.util.LinkedHashMap<>();
        put(parts, "subject", c.subject());
        put(parts, "html", c.html());
        put(parts, "text", c.text());
        put(parts, "title", c.title());
        put(parts, "body", c.body());
        put(parts, "link", c.link());
        return parts;
    }

    private static void put(Map<String, String> parts, String name, String value) {
        if (value != null) {
            parts.put(name, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Why a render failed: Qute wraps the error (a key the data does not have, say) in an exception without a
     * message.
     */
    public static String renderFailure(RuntimeException e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getMessage().replaceFirst("^Rendering error:\\s*", "");
    }

    /** Qute's message without its template-origin prefix (the field already names the part and line). */
    private static String reason(TemplateException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        return message.replaceFirst("^Parser error[^:]*:\\s*", "").replaceFirst("^.*? on line \\d+:\\s*", "");
    }
}
