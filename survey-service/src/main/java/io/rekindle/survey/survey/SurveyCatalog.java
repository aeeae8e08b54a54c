package io.rekindle.survey.survey;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Stores survey definitions; each save is a new version. */
@ApplicationScoped
public class SurveyCatalog {

    private final Clock clock;

    SurveyCatalog(Clock clock) {
        this.clock = clock;
    }

    /** Creates or replaces the survey; answers whether it was created. */
    @Transactional
    public boolean save(String surveyId, SurveyDefinition definition) {
        Survey survey = Survey.findById(surveyId);
        boolean created = survey == null;
        if (created) {
            survey = new Survey();
            survey.surveyId = surveyId;
        }
        survey.defaultLocale = definition.defaultLocale();
        survey.definition = definition;
        survey.version++;
        survey.updatedAt = clock.instant();
        if (created) {
            survey.persist();
        }
        return created;
    }

    public Optional<Survey> find(String surveyId) {
        return Survey.findByIdOptional(surveyId);
    }

    public List<Survey> all() {
        return Survey.listAll(io.quarkus.panache.common.Sort.by("surveyId"));
    }
}
