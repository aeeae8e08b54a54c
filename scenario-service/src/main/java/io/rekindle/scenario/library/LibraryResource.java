package io.rekindle.scenario.library;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.rekindle.platform.http.Problems;
import io.rekindle.scenario.scenario.ScenarioView;

@Path("/v1/scenarios/library")
@Tag(name = "Library", description = "Ready-made win-back scenarios, installable by one call")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryResource {

    private final ScenarioLibrary library;
    private final LibraryInstaller installer;

    LibraryResource(ScenarioLibrary library, LibraryInstaller installer) {
        this.library = library;
        this.installer = installer;
    }

    @GET
    public List<LibraryItem> list() {
        return library.all().stream().map(LibraryItem::of).toList();
    }

    /** 201 with the new scenario; 200 with the one installed before, unchanged. */
    @POST
    @Path("/{key}/install")
    @Operation(summary = "Installs the scenario, and its segments and templates where they are missing")
    public Response install(@PathParam("key") String key) {
        LibraryEntry entry = library.find(key).orElseThrow(() -> new WebApplicationException(
                Problems.notFound("No library scenario '" + key + "'.")));
        LibraryInstaller.Installed installed = installer.install(entry);
        ScenarioView scenario = installed.scenario();
        return installed.created()
                ? Response.created(URI.create("/v1/scenarios/" + scenario.id())).entity(scenario).build()
                : Response.ok(scenario).build();
    }
}
