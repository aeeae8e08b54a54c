package io.rekindle.scenario.scenario;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "scenario_version")
@IdClass(ScenarioVersion.Key.class)
public class ScenarioVersion extends PanacheEntityBase {

    @Id
    @Column(name = "scenario_id")
    public String scenarioId;

    @Id
    public int version;

    @JdbcTypeCode(SqlTypes.JSON)
    public ScenarioDefinition definition;

    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<ScenarioVersion> latest(String scenarioId) {
        return find("scenarioId = ?1 order by version desc", scenarioId).firstResultOptional();
    }

    public record Key(String scenarioId, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }
}
