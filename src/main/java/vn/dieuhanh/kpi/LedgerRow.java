package vn.dieuhanh.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the KPI ledger. {@code waivesId}, {@code actor} and {@code reason} are set on waivers. */
public record LedgerRow(long id, String dedupKey, LedgerKind kind, String rule, String itemId, String unitCode,
                        String official, LocalDate periodDay, BigDecimal amount, Instant occurredAt,
                        Instant recordedAt, Long waivesId, String actor, String reason) {
}
