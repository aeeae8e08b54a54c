package io.rekindle.messaging.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;

/**
 * What a stored template may say, checked when it is saved: it reads only the data Rekindle hands it
 * ({@link TemplateData}: {@code customer}, {@code vars}, {@code recommendations}, {@code unsubscribeUrl}, and the names
 * its own sections bind), no namespace ({@code config:}, {@code inject:}...), writes raw HTML only from data Rekindle
 * produced (the recommendations and the unsubscribe link), and takes no link's target from the customer's profile,
 * which strangers fill in through the shop's forms.
 */
final class TemplateRules {

    static final Set<String> ROOTS = Set.of("customer", "vars", "recommendations", "unsubscribeUrl");
    private static final Set<String> PRODUCED_BY_REKINDLE = Set.of("recommendations", "unsubscribeUrl");
    private static final Set<String> UNESCAPED = Set.of("raw", "safe");
    private static final Pattern LINK_ATTRIBUTE = Pattern.compile("(?is).*\\b(href|src|action)\\s*=\\s*[\"']?\\s*$");

    private TemplateRules() {
    }

    /** Each thing the template does that it may not, as a sentence naming the expression. */
    static List<String> violations(Template template) {
        List<String> found = new ArrayList<>();
        walk(template.getNodes(), new HashMap<>(), found);
        return found;
    }

    /** @param bound the names sections bound so far, each to the root of what it stands for */
    private static void walk(List<TemplateNode> nodes, Map<String, String> bound, List<String> found) {
        boolean linkTarget = false;
        for (TemplateNode node : nodes) {
            if (node.isText()) {
                linkTarget = LINK_ATTRIBUTE.matcher(node.asText().getValue()).matches();
                continue;
            }
            if (node.isExpression()) {
                Expression e = node.asExpression().getExpressions().get(0);
                check(e, bound, found);
                if (linkTarget && "customer".equals(root(e, bound))) {
                    found.add("takes a link's target from the customer's profile: " + "{" + e.toOriginalString() + "}");
                }
            } else if (node.isSection()) {
                section(node.asSection(), bound, found);
            }
            linkTarget = false;
        }
    }

    private static void section(SectionNode section, Map<String, String> bound, List<String> found) {
        for (SectionBlock block : section.getBlocks()) {
            block.expressions.values().forEach(e -> check(e, bound, found));
            Map<String, String> inner = new HashMap<>(bound);
            switch (section.getName()) {
                case "for", "each" -> {
                    String alias = block.parameters.getOrDefault("alias", "it");
                    Expression iterable = block.expressions.get("iterable");
                    inner.put(alias, iterable == null ? "?" : root(iterable, bound));
                }
                case "let", "set" -> block.parameters.forEach((name, value) -> {
                    Expression e = block.expressions.get(name);
                    if (e != null) {
                        inner.put(name, root(e, bound));
                    }
                });
                default -> {
                }
            }
            walk(block.nodes, inner, found);
        }
    }

    private static void check(Expression e, Map<String, String> bound, List<String> found) {
        if (e.isLiteral()) {
            return;
        }
        if (e.hasNamespace()) {
            found.add("uses the namespace '" + e.getNamespace() + ":', which templates cannot reach: "
                    + "{" + e.toOriginalString() + "}");
            return;
        }
        String first = e.getParts().get(0).getName();
        if (root(e, bound) == null) {
            found.add("reads '" + first + "', which templates do not see (they see " + String.join(", ",
                    ROOTS.stream().sorted().toList()) + "): " + "{" + e.toOriginalString() + "}");
        }
        boolean unescaped = e.getParts().stream().anyMatch(p -> UNESCAPED.contains(p.getName()));
        if (unescaped && !PRODUCED_BY_REKINDLE.contains(root(e, bound))) {
            found.add("writes unescaped text that Rekindle did not produce: " + "{" + e.toOriginalString() + "}");
        }
        e.getParts().stream().filter(Expression.Part::isVirtualMethod)
                .flatMap(p -> p.asVirtualMethod().getParameters().stream())
                .forEach(parameter -> check(parameter, bound, found));
    }

    /** The data root an expression reads from, through the names sections bound; null for an unknown name. */
    private static String root(Expression e, Map<String, String> bound) {
        if (e.isLiteral() || e.hasNamespace()) {
            return e.isLiteral() ? "literal" : null;
        }
        String first = e.getParts().get(0).getName();
        if (ROOTS.contains(first)) {
            return first;
        }
        if (bound.containsKey(first)) {
            return bound.get(first);
        }
        // Iteration metadata of a loop: p_count, it_index...
        int underscore = first.indexOf('_');
        return underscore > 0 && bound.containsKey(first.substring(0, underscore)) ? "literal" : null;
    }
}
