package io.rekindle.messaging.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.rekindle.messaging.offer.Offers;
import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.template.Template;
import io.rekindle.messaging.template.TemplateCatalog;
import io.rekindle.platform.http.Problems;

/**
 * What validation annotations cannot say of a message to queue: its template exists, for its channel, and so does
 * the offer it names (whether the offer still holds is decided at send time).
 */
@ApplicationScoped
public class TemplateCheck {

    private final TemplateCatalog templates;
    private final Offers offers;

    TemplateCheck(TemplateCatalog templates, Offers offers) {
        this.templates = templates;
        this.offers = offers;
    }

    /** A 400 naming {@code field} when the offer is not known. */
    public void checkOffer(String field, String offerId) {
        if (offerId != null && offers.current(offerId).isEmpty()) {
            throw new WebApplicationException(Problems.badRequest(field, "no offer '" + offerId + "'"));
        }
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
