-- Indicator catalogue (chỉ tiêu): released catalogue versions, their indicators, yearly plan targets, the reference
-- files imported, and explanation requests (yêu cầu giải trình) with one row per round of explanation.
-- Portable SQL: runs on PostgreSQL and H2.
CREATE TABLE ind_catalogue_version (
    version         VARCHAR(20)              NOT NULL PRIMARY KEY,
    sort_key        VARCHAR(60)              NOT NULL,
    source          VARCHAR(200)             NOT NULL,
    checksum        VARCHAR(64)              NOT NULL,
    indicator_count INTEGER                  NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX ind_catalogue_version_sort_idx ON ind_catalogue_version (sort_key);

CREATE TABLE ind_indicator (
    version         VARCHAR(20)              NOT NULL REFERENCES ind_catalogue_version (version),
    code            VARCHAR(20)              NOT NULL,
    name            VARCHAR(300)             NOT NULL,
    domain          VARCHAR(30)              NOT NULL,
    unit_of_measure VARCHAR(50)              NOT NULL,
    aggregation     VARCHAR(20)              NOT NULL,
    frequency       VARCHAR(20)              NOT NULL,
    reported_by     VARCHAR(200)             NOT NULL,
    direction       VARCHAR(30)              NOT NULL,
    integer_only    BOOLEAN                  NOT NULL,
    minimum_value   NUMERIC(20, 4),
    maximum_value   NUMERIC(20, 4),
    required        BOOLEAN                  NOT NULL,
    description     VARCHAR(1000),
    sort_order      INTEGER                  NOT NULL,
    PRIMARY KEY (version, code)
);

-- One row per rule of a year's targets file: applies_to is 'kind:<unit kind>' (every unit of that kind) or a unit
-- code (an override that wins over the kind's rule).
CREATE TABLE ind_target (
    plan_year      INTEGER        NOT NULL,
    indicator_code VARCHAR(20)    NOT NULL,
    applies_to     VARCHAR(120)   NOT NULL,
    target         NUMERIC(20, 4) NOT NULL,
    note           VARCHAR(500),
    PRIMARY KEY (plan_year, indicator_code, applies_to)
);

CREATE TABLE ind_import (
    source      VARCHAR(200)             NOT NULL PRIMARY KEY,
    checksum    VARCHAR(64)              NOT NULL,
    row_count   INTEGER                  NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ind_explanation_request (
    id                  VARCHAR(36)              NOT NULL PRIMARY KEY,
    indicator_code      VARCHAR(20)              NOT NULL,
    catalogue_version   VARCHAR(20)              NOT NULL,
    unit_code           VARCHAR(100)             NOT NULL,
    period              VARCHAR(10),
    question            VARCHAR(4000)            NOT NULL,
    working_days        INTEGER                  NOT NULL,
    deadline            TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by        VARCHAR(150)             NOT NULL,
    requested_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20)              NOT NULL,
    round_number        INTEGER                  NOT NULL,
    overdue_notified_at TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64)
);
CREATE INDEX ind_explanation_unit_idx ON ind_explanation_request (unit_code, status);
CREATE INDEX ind_explanation_status_idx ON ind_explanation_request (status);

CREATE TABLE ind_explanation_round (
    request_id   VARCHAR(36)              NOT NULL REFERENCES ind_explanation_request (id),
    round_number INTEGER                  NOT NULL,
    question     VARCHAR(4000)            NOT NULL,
    deadline     TIMESTAMP WITH TIME ZONE NOT NULL,
    explanation  VARCHAR(4000),
    explained_by VARCHAR(150),
    explained_at TIMESTAMP WITH TIME ZONE,
    accepted     BOOLEAN,
    review_note  VARCHAR(4000),
    reviewed_by  VARCHAR(150),
    reviewed_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (request_id, round_number)
);
