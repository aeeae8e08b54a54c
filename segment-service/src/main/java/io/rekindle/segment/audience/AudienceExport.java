package io.rekindle.segment.audience;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A segment's members as a hashed customer list for ad platforms. Only customers with a usable identifier are listed;
 * an email the hygiene check found invalid is left out, and nothing leaves the service unhashed.
 */
@ApplicationScoped
public class AudienceExport {

    private final DataSource dataSource;

    AudienceExport(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void write(String segmentId, AudienceFormat format, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT CASE WHEN c.hygiene_status IN ('invalid', 'missing') THEN NULL ELSE c.email END AS email, c.phone
                    FROM segment_member m JOIN customer c USING (customer_id)
                    WHERE m.segment_id = ? ORDER BY m.customer_id""")) {
                ps.setFetchSize(5_000);
                ps.setString(1, segmentId);
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                w.write(format.header);
                w.write('\n');
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String email = format.email(rs.getString("email"));
                        String phone = format.phone(rs.getString("phone"));
                        if (email == null && phone == null) {
                            continue;
                        }
                        w.write(AudienceFormat.sha256(email));
                        w.write(',');
                        w.write(AudienceFormat.sha256(phone));
                        w.write('\n');
                    }
                }
                w.flush();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
