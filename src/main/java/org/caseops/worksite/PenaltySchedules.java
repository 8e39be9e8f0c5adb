package org.caseops.worksite;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.worksite.rules.PenaltySchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The penalty schedules of 28 CFR 85.5 as V100 recorded them (the application reads them, never changes them). */
@Service
class PenaltySchedules {

    private final JdbcClient jdbc;

    PenaltySchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PenaltySchedule> all() {
        Map<Integer, List<PenaltySchedule.Band>> bands = new HashMap<>();
        jdbc.sql("select schedule_id, from_rate_percent, base_amount from i9_penalty_band")
                .query(rs -> {
                    bands.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new PenaltySchedule.Band(rs.getInt(2), rs.getBigDecimal(3)));
                });
        record Row(int id, LocalDate after, java.math.BigDecimal min, java.math.BigDecimal max, String source) {
        }
        return jdbc.sql("""
                select id, assessed_after, paperwork_min, paperwork_max, source from i9_penalty_schedule
                order by assessed_after""")
                .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getString(5))).list().stream()
                .map(r -> new PenaltySchedule(r.id(), r.after(), r.min(), r.max(), r.source(),
                        bands.getOrDefault(r.id(), List.of())))
                .toList();
    }
}
