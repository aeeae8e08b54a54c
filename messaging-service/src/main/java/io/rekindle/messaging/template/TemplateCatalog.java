package io.rekindle.messaging.template;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Stores message templates, checked before they are stored; each save is a new version. */
@ApplicationScoped
public class TemplateCatalog {

    private final Clock clock;
    private final TemplateRenderer renderer;

    TemplateCatalog(Clock clock, TemplateRenderer renderer) {
        this.clock = clock;
        this.renderer = renderer;
    }

    /** Creates or replaces the template; answers whether it was created. */
    @Transactional
    public boolean save(String templateId, TemplateDefinition definition) {
        renderer.check(definition);
        Template template = Template.findById(templateId);
        boolean created = template == null;
        if (created) {
            template = new Template();
            template.templateId = templateId;
        }
        template.channel = definition.channel();
        template.locales = new LinkedHashMap<>(definition.locales());
        template.version++;
        template.updatedAt = clock.instant();
        if (created) {
            template.persist();
        }
        return created;
    }

    public Optional<Template> find(String templateId) {
        return Template.findByIdOptional(templateId);
    }
}
