package io.rekindle.scenario.scenario;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One step of a scenario. Which fields apply depends on the type ({@link ScenarioRules} checks them):
 * <ul>
 * <li>send: channel (email, sms, push), template or templates per variant, variables, category, bestHour, offer
 * (messaging-service's offer id) or offers per variant;</li>
 * <li>wait: one of duration (ISO 8601), untilLocalTime (HH:mm in the customer's zone), gapMultiple (k x their own
 * average purchase gap), untilPredictedNextOrder;</li>
 * <li>wait_for: event (opened, clicked, purchased, survey_answered or any event type), timeout, onEvent, onTimeout;</li>
 * <li>condition: condition (a segment-service rule, or {"segment": id}), then, else;</li>
 * <li>split: branches (variant, weight, next);</li>
 * <li>survey: survey, expiresIn (its link lands in the enrollment's variables as surveyUrl);</li>
 * <li>set_attribute: attribute, value; suppress; erase; exit.</li>
 * </ul>
 * {@code next} is where a step goes after it; without it the enrollment ends there.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Step(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, _ or -") String id,
        @NotNull StepType type,
        String next,
        @Pattern(regexp = "email|sms|push", message = "must be email, sms or push") String channel,
        String template,
        Map<String, String> templates,
        Map<String, Object> variables,
        @Pattern(regexp = "marketing|transactional", message = "must be marketing or transactional") String category,
        Boolean bestHour,
        String duration,
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be a local time such as 09:30") String untilLocalTime,
        Double gapMultiple,
        Boolean untilPredictedNextOrder,
        String event,
        String timeout,
        String onEvent,
        String onTimeout,
        Map<String, Object> condition,
        String then,
        @JsonProperty("else") String otherwise,
        @Size(max = 10) List<@Valid @NotNull Branch> branches,
        String survey,
        String expiresIn,
        String attribute,
        Object value,
        @Size(max = 128) String offer,
        Map<String, @Size(max = 128) String> offers) {

    /** The offer this enrollment's variant carries at this step, if any. */
    public String offerFor(String variant) {
        if (offers != null && variant != null && offers.get(variant) != null) {
            return offers.get(variant);
        }
        return offer;
    }

    /** Every offer the step can carry, whatever the variant. */
    public java.util.Set<String> allOffers() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        if (offer != null) {
            all.add(offer);
        }
        if (offers != null) {
            all.addAll(offers.values());
        }
        return all;
    }

    /** Every step this one can go to, with the JSON path of the field that names it. */
    public Map<String, String> exits() {
        Map<String, String> exits = new java.util.LinkedHashMap<>();
        putIfSet(exits, "next", next);
        putIfSet(exits, "onEvent", onEvent);
        putIfSet(exits, "onTimeout", onTimeout);
        putIfSet(exits, "then", then);
        putIfSet(exits, "else", otherwise);
        if (branches != null) {
            for (int i = 0; i < branches.size(); i++) {
                putIfSet(exits, "branches/" + i + "/next", branches.get(i).next());
            }
        }
        return exits;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
