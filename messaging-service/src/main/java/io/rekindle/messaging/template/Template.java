package io.rekindle.messaging.template;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "template")
public class Template extends PanacheEntityBase {

    @Id
    @Column(name = "template_id")
    public String templateId;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, LocalizedContent> locales;

    public int version;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Whether a part uses the recommendations block (products are asked of segment-service only then). */
    public boolean usesRecommendations() {
        for (LocalizedContent c : locales.values()) {
            for (String part : new String[] {c.subject(), c.html(), c.text(), c.title(), c.body(), c.link()}) {
                if (part != null && part.contains("recommendations")) {
                    return true;
                }
            }
        }
        return false;
    }
}
