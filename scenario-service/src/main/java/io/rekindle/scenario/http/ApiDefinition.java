package io.rekindle.scenario.http;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;

@OpenAPIDefinition(
        info = @Info(title = "Rekindle scenario-service", version = "1",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0"),
                description = "Win-back scenarios run as durable per-customer journeys, with holdouts and lift reports."),
        servers = @Server(url = "http://{release}-rekindle-scenario", description = "inside the cluster (the Helm chart's Service)",
                    variables = @ServerVariable(name = "release", defaultValue = "rekindle",
                            description = "the Helm release")),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <API key>")
public class ApiDefinition extends Application {
}
