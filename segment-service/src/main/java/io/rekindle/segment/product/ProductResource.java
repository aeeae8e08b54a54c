package io.rekindle.segment.product;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.rekindle.platform.http.AllowedKeys;
import io.rekindle.platform.http.KeyScope;
import io.rekindle.platform.http.Problems;
import io.rekindle.segment.intake.BatchIntake;
import io.rekindle.segment.intake.BatchReport;

@Path("/v1/products")
@Tag(name = "Products", description = "The storefront's catalog")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProductResource {

    private final ProductStore store;
    private final BatchIntake batches;

    ProductResource(ProductStore store, BatchIntake batches) {
        this.store = store;
        this.batches = batches;
    }

    @AllowedKeys({ KeyScope.STOREFRONT })
    @PUT
    @Path("/{sku}")
    public BatchReport put(@PathParam("sku") String sku, @RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = ProductRequest.class))) ObjectNode product) {
        if (product == null) {
            throw new WebApplicationException(Problems.badRequest("body", "must be a product object"));
        }
        JsonNode sent = product.get("sku");
        if (sent != null && !sent.asText().equals(sku)) {
            throw new WebApplicationException(Problems.badRequest("sku", "differs from the sku in the path"));
        }
        product.put("sku", sku);
        BatchReport report = batches.process(List.of(product), ProductRequest.class, p -> List.of(),
                ProductRequest::sku, store::storeAll);
        if (!report.rejected().isEmpty()) {
            var errors = report.rejected().get(0).errors();
            throw new WebApplicationException(Problems.badRequest(
                    errors.get(0).field() + ": " + errors.get(0).message(), errors));
        }
        return report;
    }

    @AllowedKeys({ KeyScope.STOREFRONT })
    @POST
    @Path("/batch")
    public BatchReport batch(@RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProductRequest.class))) byte[] rows) {
        return batches.process(rows, ProductRequest.class, p -> List.of(), ProductRequest::sku, store::storeAll);
    }
}
