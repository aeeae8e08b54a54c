package io.rekindle.segment.segments;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.segment.audience.AudienceExport;
import io.rekindle.segment.audience.AudienceFormat;
import io.rekindle.platform.http.Problem;
import io.rekindle.platform.http.Problems;

@Path("/v1/segments")
@Tag(name = "Segments", description = "Rule-based segments with materialised members and a change feed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final Segments segments;
    private final Memberships memberships;
    private final Reevaluations reevaluations;
    private final AudienceExport audience;

    SegmentResource(Segments segments, Memberships memberships, Reevaluations reevaluations,
            AudienceExport audience) {
        this.segments = segments;
        this.memberships = memberships;
        this.reevaluations = reevaluations;
        this.audience = audience;
    }

    /** How many customers wait for their figures and memberships to be brought up to date after writes. */
    @GET
    @Path("/backlog")
    public Backlog backlog() {
        return new Backlog(reevaluations.backlog());
    }

    public record Backlog(long due) {
    }

    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    public List<SegmentView> list() {
        return segments.all();
    }

    @POST
    public Response create(@Valid @NotNull SegmentDefinition definition) {
        SegmentView created = segments.create(definition);
        return Response.created(java.net.URI.create("/v1/segments/" + created.id())).entity(created).build();
    }

    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    @Path("/{id}")
    public SegmentView get(@PathParam("id") String id) {
        return segments.find(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Creates the segment under this id (201) or edits it (200, built-in ones too) and recomputes its members; a
     * natural-key write, safe to retry.
     */
    @AllowedKeys({ KeyScope.SERVICE })
    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9._-]{1,128}")
            String id, @Valid @NotNull SegmentDefinition definition) {
        java.util.Optional<SegmentView> existing = segments.find(id);
        SegmentView saved = segments.save(id, definition, existing.map(SegmentView::builtIn).orElse(false));
        return Response.status(existing.isPresent() ? Response.Status.OK : Response.Status.CREATED).entity(saved).build();
    }

    /** Counts and samples the customers a rule matches now, without saving it. */
    @POST
    @Path("/preview")
    public Preview preview(@Valid @NotNull PreviewRequest request) {
        return segments.preview(request.rule(), request.sample() == null ? 10 : request.sample());
    }

    public record PreviewRequest(@NotNull @Schema(ref = "Rule", required = true) JsonNode rule, @Min(0) @Max(100) Integer sample) {
    }

    @POST
    @Path("/{id}/recompute")
    public SegmentView recompute(@PathParam("id") String id) {
        segments.find(id).orElseThrow(() -> notFound(id));
        segments.recompute(id);
        return segments.find(id).orElseThrow();
    }

    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    @Path("/{id}/members")
    public MemberPage members(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(10_000) int limit) {
        segments.find(id).orElseThrow(() -> notFound(id));
        return memberships.members(id, after, limit);
    }

    /** Whether one customer is a member now (200 with since when), else 404: a scenario's condition asks this. */
    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    @Path("/{id}/members/{customerId}")
    public java.util.Map<String, Object> member(@PathParam("id") String id, @PathParam("customerId") String customerId) {
        segments.find(id).orElseThrow(() -> notFound(id));
        java.time.Instant since = memberships.memberSince(id, customerId).orElseThrow(() -> new WebApplicationException(
                Problems.notFound("'" + customerId + "' is not in segment '" + id + "'.")));
        return java.util.Map.of("segmentId", id, "customerId", customerId, "since", since);
    }

    /** Entries and exits after the cursor, in order; start without a cursor, resume with the page's next. */
    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    @Path("/{id}/changes")
    public ChangePage changes(@PathParam("id") String id, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(50_000) int limit) {
        segments.find(id).orElseThrow(() -> notFound(id));
        long cursor;
        try {
            cursor = after == null || after.isBlank() ? 0 : Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new WebApplicationException(Problems.badRequest("after", "is not a cursor from this feed"));
        }
        return memberships.changes(id, cursor, limit);
    }

    /** The members as a hashed customer list for retargeting (format google, the default, or meta). */
    @GET
    @Path("/{id}/audience.csv")
    @Produces("text/csv")
    public Response audience(@PathParam("id") String id, @QueryParam("format") @DefaultValue("google") String format) {
        segments.find(id).orElseThrow(() -> notFound(id));
        AudienceFormat chosen = switch (format) {
            case "google" -> AudienceFormat.GOOGLE;
            case "meta" -> AudienceFormat.META;
            default -> throw new WebApplicationException(Problems.badRequest("format", "must be google or meta"));
        };
        StreamingOutput body = out -> audience.write(id, chosen, out);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + id + "-" + format + ".csv\"").build();
    }

    @ServerExceptionMapper
    public Response invalidRule(InvalidRuleException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(err -> new Problem.FieldError("rule" + (err.path().equals("/") ? "" : err.path()), err.message()))
                .toList();
        return Problems.badRequest("The rule is invalid: " + errors.get(0).field() + " " + errors.get(0).message(),
                errors);
    }

    private static WebApplicationException notFound(String id) {
        return new WebApplicationException(Problems.notFound("No segment '" + id + "'."));
    }
}
