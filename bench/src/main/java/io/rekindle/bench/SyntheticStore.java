package io.rekindle.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic store: customers with their own purchase rhythm (a personal mean gap between orders and a
 * chance of dropping out after each purchase), a catalog, orders over three years and site/engagement events. The
 * same seed gives the same store, customer by customer, whatever the order of generation.
 */
public final class SyntheticStore {

    /** The segment benchmark's store: three years up to a fixed day, so its figures compare across runs. */
    static final Instant BENCH_END = LocalDate.of(2026, 11, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    public static final int CATEGORIES = 20;
    public static final int PRODUCTS_PER_CATEGORY = 100;
    private static final String[] DOMAINS = { "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "orange.fr",
            "icloud.com", "free.fr", "web.de", "example.org", "shop-mail.net" };
    private static final String[] EVENT_TYPES = { "email_opened", "email_clicked", "site_visit", "product_viewed",
            "cart_updated" };

    private final long seed;
    private final Instant start;
    private final Instant end;

    public SyntheticStore(long seed) {
        this(seed, BENCH_END, 3);
    }

    /** A store whose history spans {@code years} up to {@code end}. */
    public SyntheticStore(long seed, Instant end, int years) {
        this.seed = seed;
        this.end = end;
        this.start = end.atZone(ZoneOffset.UTC).minusYears(years).toInstant();
    }

    public static String category(int c) {
        return "category-" + c;
    }

    public static String sku(int category, int n) {
        return "sku-" + category + "-" + n;
    }

    public List<String> products() {
        List<String> rows = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
        for (int c = 0; c < CATEGORIES; c++) {
            for (int n = 0; n < PRODUCTS_PER_CATEGORY; n++) {
                rows.add("{\"sku\":\"%s\",\"name\":\"Product %d-%d\",\"category\":\"%s\",\"price\":%d.%02d,\"inStock\":%b}"
                        .formatted(sku(c, n), c, n, category(c), 5 + random.nextInt(195), random.nextInt(100),
                                random.nextInt(10) != 0));
            }
        }
        return rows;
    }

    /** One customer: profile row, order rows and event rows, and who they are (for a simulation to go on with). */
    public record Customer(String profile, List<String> orders, List<String> events, Persona persona) {
    }

    /**
     * What drives a customer's behaviour: their own mean gap between orders, whether they dropped out (stopped buying
     * for good) before the end of the history, their favourite category, when they placed their last order.
     */
    public record Persona(String id, String email, boolean emailConsent, double meanGapDays, boolean droppedOut,
            int favourite, Instant lastOrderAt, Instant joinedAt) {
    }

    public Customer customer(int i) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + i);
        String id = "c" + i;
        String email = email(i, r);
        // Every customer has a mobile number and one in four the shop's app (a push token, push allowed); drawn from
        // the index, not the random stream, so every other figure of a seed stays as it was.
        String app = i % 4 == 0 ? "\"pushToken\":\"app-" + id + "\"," : "";
        String profile = ("{\"customerId\":\"%s\",\"email\":\"%s\",\"phone\":\"+336%08d\",%s\"firstName\":\"First%d\","
                + "\"lastName\":\"Last%d\",\"timezone\":\"Europe/Paris\",\"country\":\"FR\","
                + "\"consents\":{\"email\":%b,\"sms\":%b,\"push\":%b}}")
                .formatted(id, email, i, app, i, i, r.nextInt(10) < 8, r.nextInt(10) < 3, !app.isEmpty());
        int favourite = r.nextInt(CATEGORIES);
        double meanGapDays = Math.exp(Math.log(39) + 0.6 * gaussian(r));
        double dropout = beta1(14, r);
        double span = end.getEpochSecond() - start.getEpochSecond();
        double t = r.nextDouble() * span;
        Instant joined = start.plusSeconds((long) t);
        List<String> orders = new ArrayList<>();
        List<String> events = new ArrayList<>();
        int n = 0;
        boolean droppedOut = false;
        Instant last = null;
        while (t < span) {
            Instant at = start.plusSeconds((long) t);
            orders.add(order(id, n++, at, favourite, r));
            last = at;
            if (r.nextInt(3) == 0) {
                events.add(event(id, events.size(), at.minusSeconds(3_600 + r.nextInt(86_400)), r));
            }
            if (r.nextDouble() < dropout) {
                droppedOut = true;
                break;
            }
            t += -Math.log(1 - r.nextDouble()) * meanGapDays * 86_400;
        }
        int extra = r.nextInt(4);
        for (int e = 0; e < extra; e++) {
            Instant at = start.plusSeconds((long) (r.nextDouble() * span));
            events.add(event(id, events.size(), at, r));
        }
        return new Customer(profile, orders, events, new Persona(id, email, profile.contains("\"email\":true"),
                meanGapDays, droppedOut, favourite, last, joined));
    }

    private static String email(int i, SplittableRandom r) {
        int kind = r.nextInt(200);
        if (kind == 0) {
            return "c" + i + "@yopmail.com";
        }
        if (kind == 1) {
            return "c" + i + "@gmial.com";
        }
        if (kind == 2) {
            return "c" + i + ".example.com";
        }
        return "first.last" + i + "@" + DOMAINS[r.nextInt(DOMAINS.length)];
    }

    private static String order(String customerId, int n, Instant at, int favourite, SplittableRandom r) {
        int items = 1 + r.nextInt(3);
        StringBuilder lines = new StringBuilder();
        long totalCents = 0;
        for (int k = 0; k < items; k++) {
            int category = r.nextInt(10) < 7 ? favourite : r.nextInt(CATEGORIES);
            int quantity = 1 + (r.nextInt(5) == 0 ? 1 : 0);
            long cents = 500 + r.nextInt(9_500);
            totalCents += cents * quantity;
            if (k > 0) {
                lines.append(',');
            }
            lines.append("{\"sku\":\"").append(sku(category, r.nextInt(PRODUCTS_PER_CATEGORY)))
                    .append("\",\"category\":\"").append(category(category)).append("\",\"quantity\":")
                    .append(quantity).append(",\"unitPrice\":").append(cents / 100).append('.')
                    .append(String.format("%02d", cents % 100)).append('}');
        }
        int s = r.nextInt(100);
        String status = s < 3 ? "cancelled" : s < 5 ? "refunded" : "placed";
        return "{\"orderId\":\"" + customerId + "-o" + n + "\",\"customerId\":\"" + customerId + "\",\"placedAt\":\""
                + at + "\",\"currency\":\"EUR\",\"total\":" + totalCents / 100 + "."
                + String.format("%02d", totalCents % 100) + ",\"status\":\"" + status + "\",\"items\":[" + lines + "]}";
    }

    private static String event(String customerId, int n, Instant at, SplittableRandom r) {
        String type = EVENT_TYPES[r.nextInt(EVENT_TYPES.length)];
        return "{\"eventId\":\"" + customerId + "-e" + n + "\",\"customerId\":\"" + customerId + "\",\"type\":\""
                + type + "\",\"occurredAt\":\"" + at + "\",\"properties\":{\"sku\":\""
                + sku(r.nextInt(CATEGORIES), r.nextInt(PRODUCTS_PER_CATEGORY)) + "\"}}";
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble(), v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Beta(1, b) by inversion. */
    private static double beta1(double b, SplittableRandom r) {
        return 1 - Math.pow(1 - r.nextDouble(), 1 / b);
    }
}
