package io.rekindle.segment.http;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;

@OpenAPIDefinition(
        info = @Info(title = "Rekindle segment-service", version = "1",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                description = "Customers, orders, products and events from the storefront; computed metrics and segments."),
        servers = @Server(url = "http://{release}-rekindle-segment", description = "inside the cluster (the Helm chart's Service)",
                    variables = @ServerVariable(name = "release", defaultValue = "rekindle",
                            description = "the Helm release")),
        security = @SecurityRequirement(name = "apiKey"),
        // A rule travels as free-form JSON that RuleCompiler checks, not as the Jackson tree it is read into.
        components = @Components(schemas = @Schema(name = "Rule", type = SchemaType.OBJECT, description = """
                A segment rule: {"all": [rules]}, {"any": [rules]}, {"not": rule}, a field condition \
                {"field", "op", "value"} or an event predicate {"event", "count", "within", "where"} / \
                {"event", "notFollowedBy", "within", "lookback"}.""")))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <API key>")
public class ApiDefinition extends Application {
}
