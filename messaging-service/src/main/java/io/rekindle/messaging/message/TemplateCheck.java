package io.rekindle.messaging.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.template.Template;
import io.rekindle.messaging.template.TemplateCatalog;
import io.rekindle.platform.http.Problems;

/** What validation annotations cannot say of a message to queue: its template exists, for its channel. */
@ApplicationScoped
public class TemplateCheck {

    private final TemplateCatalog templates;

    TemplateCheck(TemplateCatalog templates) {
        this.templates = templates;
    }

    /** A 400 naming {@code field} when the template is missing or for another channel. */
    public void check(String field, String templateId, Channel channel) {
        Template template = templates.find(templateId).orElseThrow(() -> new WebApplicationException(
                Problems.badRequest(field, "no template '" + templateId + "'")));
        if (template.channel != channel) {
            throw new WebApplicationException(Problems.badRequest(field,
                    "is a " + template.channel.name().toLowerCase() + " template"));
        }
    }
}
