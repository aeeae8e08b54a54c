package io.rekindle.platform.testing;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a README's tuning table (rows starting {@code | `rekindle.…` |}) against a {@code @ConfigMapping}: each
 * service's tests call it, so a key added to the code without its row, or a row left for a key gone, fails the build.
 * A map's key is written with a placeholder ({@code rekindle.sending.quiet-hours.<channel>}).
 */
public final class TuningTable {

    private static final Pattern ROW = Pattern.compile("^\\| `(rekindle\\.[^`]+)`");
    private static final Pattern KEY = Pattern.compile("`(rekindle\\.[^`]+)`");

    private TuningTable() {
    }

    /** What differs: "undocumented: key" for a mapped key without a row, "not in the code: key" for the reverse. */
    public static List<String> differences(Class<?> mapping, String prefix, Path readme) throws IOException {
        Set<String> mapped = new TreeSet<>();
        keys(mapping, prefix, mapped);
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(readme)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                // One row may name two keys that go together: `a` / `b`.
                Matcher key = KEY.matcher(line.substring(0, line.indexOf('|', 1)));
                while (key.find()) {
                    documented.add(key.group(1).replaceAll("<[^>]+>", "*"));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        mapped.stream().filter(k -> !documented.contains(k)).forEach(k -> differences.add("undocumented: " + k));
        documented.stream().filter(k -> !mapped.contains(k)).forEach(k -> differences.add("not in the code: " + k));
        return differences;
    }

    /** The keys an interface maps, as SmallRye names them: methods in kebab case, groups nested, maps as {@code .*}. */
    private static void keys(Class<?> group, String prefix, Set<String> into) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String key = prefix + "." + method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            Class<?> type = method.getReturnType();
            if (Map.class.isAssignableFrom(type)) {
                into.add(key + ".*");
            } else if (type.isInterface() && type.getName().startsWith("io.rekindle.")) {
                keys(type, key, into);
            } else {
                into.add(key);
            }
        }
    }
}
