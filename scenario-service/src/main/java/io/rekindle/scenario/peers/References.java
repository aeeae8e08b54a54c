package io.rekindle.scenario.peers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.platform.http.Problem.FieldError;
import io.rekindle.scenario.scenario.ScenarioDefinition;
import io.rekindle.scenario.scenario.Step;

/**
 * Checks that what a scenario names exists where it lives (templates, segments, surveys, offers), and that a journey
 * which is not a cart's offers only what the site offers everyone.
 */
@ApplicationScoped
public class References {

    private final SegmentPeer segments;
    private final MessagingPeer messaging;
    private final SurveyPeer surveys;

    References(SegmentPeer segments, MessagingPeer messaging, SurveyPeer surveys) {
        this.segments = segments;
        this.messaging = messaging;
        this.surveys = surveys;
    }

    /** @throws io.rekindle.platform.peers.PeerUnavailableException when a service that would tell cannot be asked now */
    public List<FieldError> check(ScenarioDefinition scenario) {
        List<FieldError> errors = new ArrayList<>();
        String segment = scenario.trigger().segment();
        if (segment != null && !segments.segmentExists(segment)) {
            errors.add(new FieldError("trigger.segment", "no segment '" + segment + "' in segment-service"));
        }
        for (int i = 0; i < scenario.steps().size(); i++) {
            Step step = scenario.steps().get(i);
            Set<String> templates = new LinkedHashSet<>();
            if (step.template() != null) {
                templates.add(step.template());
            }
            if (step.templates() != null) {
                templates.addAll(step.templates().values());
            }
            for (String template : templates) {
                if (!messaging.templateExists(template)) {
                    errors.add(new FieldError("steps[" + i + "].template", "no template '" + template
                            + "' in messaging-service"));
                }
            }
            boolean cart = scenario.trigger().key() != null;
            for (String offerId : step.allOffers()) {
                var offer = messaging.offer(offerId);
                if (offer.isEmpty()) {
                    errors.add(new FieldError("steps[" + i + "].offer", "no offer '" + offerId
                            + "' in messaging-service"));
                } else if (!cart && !offer.get().siteOffering()) {
                    errors.add(new FieldError("steps[" + i + "].offer", "'" + offerId + "' is not a current site "
                            + "offering: a re-engagement or browse-abandonment step never offers a better deal than "
                            + "the site"));
                }
            }
            if (step.survey() != null && !surveys.surveyExists(step.survey())) {
                errors.add(new FieldError("steps[" + i + "].survey", "no survey '" + step.survey()
                        + "' in survey-service"));
            }
            if (step.condition() != null && step.condition().get("segment") instanceof String s
                    && !segments.segmentExists(s)) {
                errors.add(new FieldError("steps[" + i + "].condition.segment", "no segment '" + s
                        + "' in segment-service"));
            }
        }
        return errors;
    }


}
