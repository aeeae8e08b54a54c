package io.rekindle.scenario.scenario;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "scenario")
public class Scenario extends PanacheEntityBase {

    @Id
    @Column(name = "scenario_id")
    public String scenarioId;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The library scenario this was installed from, if any. */
    @Column(name = "library_key")
    public String libraryKey;
}
