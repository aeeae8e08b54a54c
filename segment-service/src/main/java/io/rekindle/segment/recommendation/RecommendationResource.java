package io.rekindle.segment.recommendation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problems;

@Path("/v1/customers/{customerId}/recommendations")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final Recommendations recommendations;

    RecommendationResource(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    /** strategy: last-category (default), viewed-similar or bestsellers. */
    @AllowedKeys({ KeyScope.STOREFRONT, KeyScope.SERVICE })
    @GET
    public Recommendation get(@PathParam("customerId") String customerId,
            @QueryParam("strategy") @DefaultValue("last-category") String strategy,
            @QueryParam("limit") @DefaultValue("4") @Min(1) @Max(50) int limit) {
        Strategy chosen = Strategy.of(strategy);
        if (chosen == null) {
            throw new WebApplicationException(Problems.badRequest("strategy",
                    "must be one of last-category, viewed-similar, bestsellers"));
        }
        return recommendations.forCustomer(customerId, chosen, limit);
    }
}
