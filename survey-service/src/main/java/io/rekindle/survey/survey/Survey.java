package io.rekindle.survey.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {

    @Id
    @Column(name = "survey_id")
    public String surveyId;

    @Column(name = "default_locale")
    public String defaultLocale;

    @JdbcTypeCode(SqlTypes.JSON)
    public SurveyDefinition definition;

    public int version;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
