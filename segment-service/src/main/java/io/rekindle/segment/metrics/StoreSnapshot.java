package io.rekindle.segment.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rekindle.segment.prediction.PurchaseHistory;
import io.rekindle.segment.prediction.SpendHistory;

/** Every buyer's aggregate as of a moment, and what the store-wide figures derive from them. */
public record StoreSnapshot(AsOf asOf, List<CustomerAggregate> buyers) {

    /** The paper's (x, tx, T) of every buyer, for the BG/NBD fit. */
    public List<PurchaseHistory> histories() {
        List<PurchaseHistory> histories = new ArrayList<>(buyers.size());
        for (CustomerAggregate buyer : buyers) {
            buyer.summary().history(asOf.day()).ifPresent(histories::add);
        }
        return histories;
    }

    /** The repeat buyers' (x, mean spend), for the Gamma-Gamma fit. */
    public List<SpendHistory> spendHistories() {
        List<SpendHistory> histories = new ArrayList<>();
        for (CustomerAggregate buyer : buyers) {
            buyer.summary().spend().ifPresent(histories::add);
        }
        return histories;
    }

    /** Average days from the first to the second order, and from the second to the third. */
    public Latency latency() {
        double firstToSecond = 0, secondToThird = 0;
        long seconds = 0, thirds = 0;
        for (CustomerAggregate buyer : buyers) {
            if (buyer.secondOrderAt() != null) {
                firstToSecond += PurchaseSummary.daysBetween(buyer.summary().firstOrderAt(), buyer.secondOrderAt());
                seconds++;
            }
            if (buyer.thirdOrderAt() != null) {
                secondToThird += PurchaseSummary.daysBetween(buyer.secondOrderAt(), buyer.thirdOrderAt());
                thirds++;
            }
        }
        return new Latency(seconds == 0 ? null : firstToSecond / seconds, seconds,
                thirds == 0 ? null : secondToThird / thirds, thirds);
    }

    public record Latency(Double firstToSecondDays, long customersWithSecond, Double secondToThirdDays,
            long customersWithThird) {
    }

    /** RFM of the buyers with an order in the window, by customer id. */
    public Map<String, Rfm> rfm() {
        List<CustomerAggregate> scored = buyers.stream().filter(b -> b.windowOrders() > 0).toList();
        int n = scored.size();
        int[] recency = new int[n];
        int[] orders = new int[n];
        double[] revenue = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerAggregate b = scored.get(i);
            recency[i] = asOf.daysSince(b.summary().lastOrderAt());
            orders[i] = b.windowOrders();
            revenue[i] = b.windowRevenue().doubleValue();
        }
        RfmScorer.Scores scores = RfmScorer.score(recency, orders, revenue);
        Map<String, Rfm> byCustomer = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            int[] s = scores.rfm()[i];
            byCustomer.put(scored.get(i).customerId(), Rfm.of(s[0], s[1], s[2], scores.percentile()[i], asOf.day()));
        }
        return byCustomer;
    }
}
