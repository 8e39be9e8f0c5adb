package org.caseops.audit;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every change and every read of person-level data, append-only and hash-chained
 * (docs/audit.md). Features call {@link #record} in the transaction of what they record.
 */
@Service
public class AuditLog {

    /** The most entries {@link #newest} returns at once. */
    public static final int MAX_PAGE = 1000;

    private final AuditRows rows;
    private final ObjectMapper json;

    AuditLog(AuditRows rows, ObjectMapper json) {
        this.rows = rows;
        this.json = json;
    }

    /**
     * Records an entry for this event. In the caller's transaction when there is one, so the entry commits or rolls
     * back with the change it records; in its own otherwise.
     *
     * <p>One insert, no lock: concurrent transactions record side by side. The entry comes back
     * {@linkplain AuditEntry#pending() pending}, with its number and time; the sequencer gives it its place in the
     * chain and its hash shortly after the transaction commits (docs/adr/006-audit-sequencer.md).
     */
    @Transactional
    public AuditEntry record(AuditEvent event) {
        return rows.insert(event);
    }

    /**
     * Writes the whole trail as NDJSON (docs/audit.md, "Export"): the chain in position order, one object per line
     * with every field, {@code prev_hash} and {@code hash}; then the entries not chained yet, in seq order, with
     * {@code position}, {@code prev_hash} and {@code hash} null. Streams; one consistent snapshot. Does not close
     * {@code out}.
     *
     * @return the number of entries written, pending ones included
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public long export(OutputStream out) {
        long[] count = {0};
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            Consumer<AuditEntry> line = e -> {
                try {
                    write(g, e);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                count[0]++;
            };
            rows.chain(1, line);
            rows.pending(line);
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    /**
     * The newest entries, newest first, chained and {@linkplain AuditEntry#pending() pending} alike, so that an entry
     * shows from the moment its transaction commits; optionally only one subject's and/or one actor's, and only
     * those recorded before {@code beforeSeq} (the next page).
     *
     * @param limit at most this many, at most {@link #MAX_PAGE}
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> newest(String subjectType, String subjectId, String actor, Long beforeSeq, int limit) {
        return rows.newest(blankToNull(subjectType), blankToNull(subjectId), blankToNull(actor), beforeSeq,
                Math.max(1, Math.min(limit, MAX_PAGE)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void write(JsonGenerator g, AuditEntry e) throws IOException {
        g.writeStartObject();
        if (e.position() == null) {
            g.writeNullField("position");
        } else {
            g.writeNumberField("position", e.position());
        }
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
