package io.rekindle.segment.order;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
import io.rekindle.platform.http.Problems;
import io.rekindle.segment.intake.BatchIntake;
import io.rekindle.segment.intake.BatchReport;
import io.rekindle.segment.intake.FutureDates;
import io.rekindle.segment.recommendation.Bestsellers;

@Path("/v1/orders")
@Tag(name = "Orders", description = "Orders from the storefront, idempotent by orderId")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderStore store;
    private final BatchIntake batches;
    private final FutureDates futureDates;
    private final Bestsellers bestsellers;

    OrderResource(OrderStore store, BatchIntake batches, FutureDates futureDates, Bestsellers bestsellers) {
        this.store = store;
        this.bestsellers = bestsellers;
        this.batches = batches;
        this.futureDates = futureDates;
    }

    /** 201 when the order is new, 200 when it was known (changed or not). */
    @AllowedKeys({ KeyScope.STOREFRONT })
    @POST
    public Response post(@Valid @NotNull OrderRequest order) {
        var errors = futureDates.check("placedAt", order.placedAt());
        if (!errors.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest("placedAt: " + errors.get(0).message(), errors));
        }
        boolean created = store.store(order);
        bestsellers.forget();
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK)
                .entity(new OrderAccepted(order.orderId(), created)).build();
    }

    /** Up to 10,000 orders: the good rows are stored, the bad ones reported by index. */
    @AllowedKeys({ KeyScope.STOREFRONT })
    @POST
    @Path("/batch")
    public BatchReport batch(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = OrderRequest.class))) byte[] rows) {
        BatchReport report = batches.process(rows, OrderRequest.class,
                o -> futureDates.check("placedAt", o.placedAt()), OrderRequest::orderId, store::storeAll);
        bestsellers.forget();
        return report;
    }

    public record OrderAccepted(String orderId, boolean created) {
    }
}
