-- KPI period scores as recomputed (nightly by Quartz, or on demand): the ranking of the current month, quarter and
-- year, kept so leaders see a stable published ranking; live scores are always computed from kpi_ledger.
CREATE TABLE kpi_score (
    period        VARCHAR(20)              NOT NULL,
    subject_kind  VARCHAR(20)              NOT NULL,
    subject       VARCHAR(150)             NOT NULL,
    unit_code     VARCHAR(100),
    unit_kind     VARCHAR(40),
    items         INTEGER                  NOT NULL,
    total         DECIMAL(7, 2)            NOT NULL,
    band          VARCHAR(40)              NOT NULL,
    rank_citywide INTEGER                  NOT NULL,
    rank_in_group INTEGER,
    computed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT kpi_score_pk PRIMARY KEY (period, subject_kind, subject)
);
