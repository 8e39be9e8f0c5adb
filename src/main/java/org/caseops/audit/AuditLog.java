package org.caseops.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every change and every read of person-level data, append-only and hash-chained
 * (docs/audit.md). Features call {@link #record} in the transaction of what they record.
 */
@Service
public class AuditLog {

    private final AuditRows rows;
    private final ObjectMapper json;

    AuditLog(AuditRows rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
    }

    /**
     * Appends an entry for this event. In the caller's transaction when there is one, so the entry commits or rolls
     * back with the change it records; in its own otherwise.
     *
     * <p>Appends are serialized: from this call until the transaction ends, other transactions' appends wait. Call
     * it late in a transaction (after the change, before commit), not before long work.
     */
    @Transactional
    public AuditEntry record(AuditEvent event) {
        AuditRows.Head head = rows.lockHead();
        AuditEntry entry = AuditEntry.of(head.seq() + 1, head.now(), event, head.hash());
        rows.insert(entry);
        return entry;
    }

    /**
     * Writes the whole trail, in seq order, as NDJSON: one object per line with every field, {@code prev_hash} and
     * {@code hash} (docs/audit.md, "Export"). Streams; one consistent snapshot. Does not close {@code out}.
     *
     * @return the number of entries written
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long export(OutputStream out) {
        long[] count = {0};
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            rows.each(e -> {
                try {
                    write(g, e);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                count[0]++;
            });
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    private static void write(JsonGenerator g, AuditEntry e) throws IOException {
        g.writeStartObject();
        g.writeNumberField("seq", e.seq());
        g.writeStringField("recorded_at", Canonical.time(e.recordedAt()));
        g.writeStringField("actor", e.actor());
        g.writeStringField("role", e.role());
        g.writeStringField("field_office", e.fieldOffice());
        g.writeStringField("action", e.action());
        g.writeStringField("subject_type", e.subjectType());
        g.writeStringField("subject_id", e.subjectId());
        g.writeStringField("purpose", e.purpose());
        g.writeStringField("request_id", e.requestId());
        g.writeStringField("detail", e.detail());
        g.writeStringField("prev_hash", e.prevHash());
        g.writeStringField("hash", e.hash());
        g.writeEndObject();
        g.writeRaw('\n');
    }
}
