package io.rekindle.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.server.EndpointDisabled;

/**
 * The outbox rows a peer refused as invalid, for an operator to look at (admin keys only). Their payloads stay in the
 * database: they may name customers. Services without an outbox set {@code rekindle.outbox.enabled=false}.
 */
@Path("/v1/admin/outbox/dead-letters")
@Tag(name = "Outbox", description = "Calls to other services that were refused for good")
@EndpointDisabled(name = "rekindle.outbox.enabled", stringValue = "false")
public class DeadLetterResource {

    public record DeadLetter(long id, String destination, int attempts, Instant deadAt, String reason) {
    }

    private final DataSource dataSource;

    DeadLetterResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The latest 500 rows set aside, newest first, with the peer's reason")
    public List<DeadLetter> list() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, destination, attempts, dead_at, dead_reason FROM outbox WHERE dead_at IS NOT NULL
                ORDER BY dead_at DESC, id DESC LIMIT 500""");
                ResultSet rs = ps.executeQuery()) {
            List<DeadLetter> letters = new ArrayList<>();
            while (rs.next()) {
                letters.add(new DeadLetter(rs.getLong("id"), rs.getString("destination"), rs.getInt("attempts"),
                        rs.getTimestamp("dead_at").toInstant(), rs.getString("dead_reason")));
            }
            return letters;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
