package io.rekindle.survey.page;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.rekindle.platform.http.FormBody;
import io.rekindle.platform.http.PublicEndpoint;
import io.rekindle.survey.answer.AnswerForm;
import io.rekindle.survey.answer.Responses;
import io.rekindle.survey.config.SurveyConfig;
import io.rekindle.survey.invitation.Invitation;
import io.rekindle.survey.invitation.Invitations;
import io.rekindle.survey.survey.SurveyCatalog;
import io.rekindle.survey.survey.SurveyDefinition;

/**
 * The public survey page behind a personal link: a plain HTML form (no JavaScript), answered as often as the
 * customer likes until the link expires; the latest answers count.
 */
@Path("/s/{token}")
@PublicEndpoint
@Tag(name = "Survey page", description = "The public page a customer answers on (HTML, signed link)")
@Produces(MediaType.TEXT_HTML)
public class SurveyPageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance message(MessagePage page);
    }

    private final Invitations invitations;
    private final SurveyCatalog catalog;
    private final Responses responses;
    private final Clock clock;
    private final FormGuard guard;

    private final URI publicUrl;

    SurveyPageResource(Invitations invitations, SurveyCatalog catalog, Responses responses, Clock clock,
            SurveyConfig config) {
        this.publicUrl = config.publicUrl();
        this.invitations = invitations;
        this.catalog = catalog;
        this.responses = responses;
        this.clock = clock;
        this.guard = new FormGuard(invitations.signer(), config.survey().formLifetime());
    }

    @GET
    @Operation(summary = "The survey form, with the answers given so far")
    public Response show(@PathParam("token") String token, @HeaderParam("Accept-Language") String acceptLanguage) {
        Invitations.Access access = invitations.open(token);
        if (access.status() != Invitations.Access.Status.OPEN) {
            return closed(access, acceptLanguage);
        }
        Invitation invitation = access.invitation();
        SurveyDefinition survey = catalog.find(invitation.surveyId).orElseThrow().definition;
        Map<String, Object> earlier = responses.answers(invitation.invitationId).orElse(Map.of());
        return form(200, survey, invitation, token, acceptLanguage, earlier, Map.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Stores the answers (again: replaces them) and shows the thank-you page")
    public Response answer(@PathParam("token") String token, @HeaderParam("Accept-Language") String acceptLanguage,
            @HeaderParam("Origin") String origin, @HeaderParam("Host") String host,
            @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                    schema = @Schema(type = SchemaType.OBJECT, description = "the form's fields and _guard")))
            byte[] body) {
        // The signed link first; a stranger's body is read only for a live invitation.
        Invitations.Access access = invitations.open(token);
        if (access.status() != Invitations.Access.Status.OPEN) {
            return closed(access, acceptLanguage);
        }
        Invitation invitation = access.invitation();
        SurveyDefinition survey = catalog.find(invitation.surveyId).orElseThrow().definition;
        String locale = locale(survey, invitation, acceptLanguage);
        PageTexts page = PageTexts.in(locale);
        Map<String, List<String>> form;
        try {
            form = FormBody.parse(body);
        } catch (IllegalArgumentException notAForm) {
            return html(400, Templates.message(new MessagePage(page.lang(), page.staleTitle(), page.staleBody())));
        }
        if (!sameOrigin(origin, host) || !guard.accepts(FormBody.first(form, "_guard"), invitation.invitationId,
                clock.instant())) {
            return html(403, Templates.message(new MessagePage(page.lang(), page.staleTitle(), page.staleBody())));
        }
        AnswerForm.Result result = AnswerForm.read(survey, form);
        if (!result.valid()) {
            return form(422, survey, invitation, token, acceptLanguage, result.answers(), result.problems());
        }
        responses.submit(invitation, survey, result.answers());
        var texts = survey.textsIn(locale);
        String thanks = texts.thankYou() == null || texts.thankYou().isBlank() ? "Thank you." : texts.thankYou();
        return html(200, Templates.message(new MessagePage(PageTexts.in(locale).lang(), texts.title(), thanks)));
    }

    private Response form(int status, SurveyDefinition survey, Invitation invitation, String token,
            String acceptLanguage, Map<String, Object> answers, Map<String, AnswerForm.Problem> problems) {
        String locale = locale(survey, invitation, acceptLanguage);
        FormPage page = FormPage.of(survey, locale, "/s/" + token,
                guard.issue(invitation.invitationId, clock.instant()), answers, problems);
        return html(status, Templates.form(page));
    }

    /** The invitation's locale, else the browser's, as close as the survey has it. */
    private static String locale(SurveyDefinition survey, Invitation invitation, String acceptLanguage) {
        return survey.localeFor(invitation.locale != null ? invitation.locale : firstLanguage(acceptLanguage));
    }

    private Response closed(Invitations.Access access, String acceptLanguage) {
        PageTexts texts = PageTexts.in(firstLanguage(acceptLanguage));
        if (access.status() == Invitations.Access.Status.EXPIRED) {
            return html(410, Templates.message(new MessagePage(texts.lang(), texts.expiredTitle(), texts.expiredBody())));
        }
        return html(404, Templates.message(new MessagePage(texts.lang(), texts.unknownTitle(), texts.unknownBody())));
    }

    /**
     * A browser posting the form names its page's origin: ours (the public URL, or the host asked directly, as in
     * the local run) or, for a forged post, another site's.
     */
    private boolean sameOrigin(String origin, String host) {
        if (origin == null || origin.equals("null")) {
            return true; // privacy settings hide it; the form's guard still has to match
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority != null && (authority.equalsIgnoreCase(host)
                    || authority.equalsIgnoreCase(publicUrl.getAuthority()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String firstLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return null;
        }
        String first = List.of(acceptLanguage.split(",")).get(0);
        return first.split(";")[0].strip();
    }

    /** Pages hold a personal link: not cached, not framed, no referrer leaking the token to other sites, nothing but own styles. */
    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type("text/html;charset=UTF-8").entity(page.render())
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }
}
