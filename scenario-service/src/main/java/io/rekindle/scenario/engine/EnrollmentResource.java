package io.rekindle.scenario.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/scenarios/{scenarioId}/enrollments")
@Tag(name = "Enrollments", description = "Who is in a scenario, where, and how it ended")
@Produces(MediaType.APPLICATION_JSON)
public class EnrollmentResource {

    private final DataSource dataSource;

    EnrollmentResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Newest first; one customer's with {@code customerId}. */
    @GET
    public List<EnrollmentView> list(@PathParam("scenarioId") String scenarioId,
            @QueryParam("customerId") String customerId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1_000) int limit) {
        String sql = """
                SELECT enrollment_id, scenario_id, version, customer_id, entry_key, holdout, variant, state, outcome,
                       current_step, due_at, entered_at, ended_at, converted_at, revenue
                FROM enrollment WHERE scenario_id = ?""" + (customerId == null ? "" : " AND customer_id = ?")
                + " ORDER BY entered_at DESC, enrollment_id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, scenarioId);
            if (customerId != null) {
                ps.setString(i++, customerId);
            }
            ps.setInt(i, limit);
            List<EnrollmentView> views = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(new EnrollmentView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)),
                            instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), rs.getBigDecimal(15)));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
