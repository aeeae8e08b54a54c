package io.rekindle.platform.http;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says of every operation, written once here instead of beside each
 * endpoint: its 4xx and 5xx answers as {@code application/problem+json} (400 when it takes a body or parameters, 401
 * and 403 unless it is public, 404 when its path names something, 413 when it takes a body, 500 always), the Problem
 * schema they use, and no API key for the public routes, which authenticate by signature or signed token instead.
 * Registered with {@code mp.openapi.filter} in each service.
 */
public class ContractDefaults implements OASFilter {

    private static final List<String> PUBLIC = List.of("/v1/webhooks/", "/u/", "/t/", "/s/");
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("Problem", problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean isPublic = PUBLIC.stream().anyMatch(path.getKey()::startsWith);
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                boolean body = operation.getRequestBody() != null;
                boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                if (body || parameters) {
                    problem(responses, "400", "The request is invalid; the problem names each field");
                }
                if (isPublic) {
                    operation.setSecurity(List.of());
                } else {
                    problem(responses, "401", "No API key, or one that is not known");
                    problem(responses, "403", "A key whose scope does not reach this endpoint");
                }
                if (path.getKey().contains("{")) {
                    problem(responses, "404", "Nothing by that id");
                }
                if (body) {
                    problem(responses, "413", "The body is larger than this endpoint accepts");
                }
                problem(responses, "500", "An unexpected failure; the request may be retried");
            }
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status) && responses.getAPIResponse(status).getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problems.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM)))));
    }

    private static Schema problemSchema() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", text).addProperty("message", text);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; errors name each field that is wrong")
                .addProperty("type", text).addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text).addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addRequired("type").addRequired("title").addRequired("status");
    }
}
