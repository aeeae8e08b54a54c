package io.rekindle.segment.customer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problem;
import io.rekindle.platform.http.Problems;
import io.rekindle.segment.intake.BatchIntake;
import io.rekindle.segment.intake.BatchReport;
import io.rekindle.segment.metrics.CustomerMetricsService;
import io.rekindle.segment.metrics.OrderQueries;
import io.rekindle.segment.metrics.RecentSpend;
import io.rekindle.segment.privacy.CustomerExport;
import io.rekindle.segment.privacy.Erasure;
import io.rekindle.segment.privacy.PersonalData;

@Path("/v1/customers")
@Tag(name = "Customers", description = "Customer profiles sent by the storefront")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerDirectory directory;
    private final CustomerMetricsService metrics;

    private final Erasure erasure;
    private final PersonalData personalData;
    private final Clock clock;
    private final BatchIntake batches;
    private final OrderQueries orders;

    CustomerResource(CustomerDirectory directory, CustomerMetricsService metrics, Erasure erasure,
            PersonalData personalData, Clock clock, BatchIntake batches, OrderQueries orders) {
        this.orders = orders;
        this.batches = batches;
        this.directory = directory;
        this.metrics = metrics;
        this.erasure = erasure;
        this.personalData = personalData;
        this.clock = clock;
    }

    @AllowedKeys({ KeyScope.STOREFRONT })
    @PUT
    @Path("/{customerId}")
    public Response upsert(@PathParam("customerId") @Pattern(regexp = CustomerProfile.ID_PATTERN) String customerId,
            @Valid @NotNull CustomerProfile profile) {
        if (profile.customerId() != null && !profile.customerId().equals(customerId)) {
            throw new WebApplicationException(Problems.badRequest("customerId", "differs from the id in the path"));
        }
        boolean created = directory.upsert(customerId, profile);
        CustomerView view = CustomerView.of(directory.find(customerId).orElseThrow(), metrics.of(customerId, null));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    @Path("/{customerId}")
    public CustomerView get(@PathParam("customerId") String customerId, @QueryParam("asOf") LocalDate asOf) {
        return directory.find(customerId).map(c -> CustomerView.of(c, metrics.of(customerId, asOf)))
                .orElseThrow(() -> notFound(customerId));
    }

    /** Up to 1,000 profiles read at once, with their metrics unless withMetrics is false, their recent spend if asked. */
    @AllowedKeys({ KeyScope.SERVICE })
    @POST
    @Path("/lookup")
    public CustomerLookup.Result lookup(@Valid @NotNull CustomerLookup lookup) {
        java.util.Map<String, Customer> found = directory.findAll(lookup.customerIds());
        boolean withMetrics = !Boolean.FALSE.equals(lookup.withMetrics());
        List<CustomerView> customers = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        java.util.Map<String, RecentSpend> spend = lookup.spendDays() == null ? java.util.Map.of()
                : orders.recentSpend(List.copyOf(found.keySet()), lookup.spendDays(), clock.instant());
        for (String id : new java.util.LinkedHashSet<>(lookup.customerIds())) {
            Customer c = found.get(id);
            if (c == null) {
                unknown.add(id);
            } else {
                customers.add(CustomerView.of(c, withMetrics ? metrics.of(id, null) : null, lookup.spendDays() == null
                        ? null : spend.getOrDefault(id, new RecentSpend(lookup.spendDays(), 0, BigDecimal.ZERO))));
            }
        }
        return new CustomerLookup.Result(customers, unknown);
    }

    /** Up to 10,000 profiles, each with its customerId: the good rows are stored, the bad ones reported. */
    @AllowedKeys({ KeyScope.STOREFRONT })
    @POST
    @Path("/batch")
    public BatchReport batch(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CustomerProfile.class))) byte[] rows) {
        return batches.process(rows, CustomerProfile.class, this::requireId, CustomerProfile::customerId,
                directory::upsertAll);
    }

    private List<Problem.FieldError> requireId(CustomerProfile profile) {
        return profile.customerId() == null ? List.of(new Problem.FieldError("customerId", "must not be null"))
                : List.of();
    }

    /** GDPR Art. 17: erases everything held here about the customer; safe to repeat. */
    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @DELETE
    @Path("/{customerId}")
    public Response erase(@PathParam("customerId") String customerId) {
        erasure.erase(customerId);
        return Response.noContent().build();
    }

    /** GDPR Art. 20: everything held about the customer as JSON. */
    @AllowedKeys({ KeyScope.STOREFRONT })
    @GET
    @Path("/{customerId}/export")
    public CustomerExport export(@PathParam("customerId") String customerId) {
        CustomerView profile = directory.find(customerId).map(c -> CustomerView.of(c, metrics.of(customerId, null)))
                .orElseThrow(() -> notFound(customerId));
        return new CustomerExport(clock.instant(), profile, personalData.orders(customerId),
                personalData.events(customerId));
    }

    static WebApplicationException notFound(String customerId) {
        return new WebApplicationException(Problems.notFound("No customer '" + customerId + "'."));
    }
}
