-- Delegated signing authority for certification (ủy quyền ký chứng thực, HCMC Resolution 29/2025/NQ-HĐND).
-- Portable SQL for PostgreSQL and H2. See docs/authority.md.

-- The 13 tasks (reference data, imported from authority/certification-tasks.csv at start).
CREATE TABLE auth_certification_task (
    code          VARCHAR(20)   NOT NULL PRIMARY KEY,
    clause        INTEGER       NOT NULL,
    name          VARCHAR(1000) NOT NULL,
    legal_basis   VARCHAR(1000) NOT NULL,
    task_group    VARCHAR(20)   NOT NULL,
    register_book VARCHAR(20)   NOT NULL,
    same_day      BOOLEAN       NOT NULL,
    working_days  INTEGER       NOT NULL,
    confirmed     VARCHAR(10)   NOT NULL
);

-- Per ward: whether contract certification has moved to notary organisations (then no contract item may be
-- delegated), and the chairman recorded by the last chairman change (else the unit head of the directory).
CREATE TABLE auth_ward_setting (
    unit_code                  VARCHAR(100)             NOT NULL PRIMARY KEY REFERENCES org_unit (code),
    contracts_moved_to_notary  BOOLEAN                  NOT NULL,
    chairman_user_id           VARCHAR(150),
    updated_by                 VARCHAR(150)             NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A delegation decision (quyết định ủy quyền).
CREATE TABLE auth_delegation (
    id                  VARCHAR(64)              NOT NULL PRIMARY KEY,
    unit_code           VARCHAR(100)             NOT NULL REFERENCES org_unit (code),
    decision_number     VARCHAR(100)             NOT NULL,
    decision_date       DATE                     NOT NULL,
    valid_from          DATE                     NOT NULL,
    valid_to            DATE                     NOT NULL,
    status              VARCHAR(30)              NOT NULL,
    drafted_by          VARCHAR(150)             NOT NULL,
    drafted_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    grantor             VARCHAR(150),
    signed_at           TIMESTAMP WITH TIME ZONE,
    decision_note       VARCHAR(2000),
    ended_by            VARCHAR(150),
    ended_at            TIMESTAMP WITH TIME ZONE,
    end_reason          VARCHAR(2000),
    confirmed_by        VARCHAR(150),
    confirmed_at        TIMESTAMP WITH TIME ZONE,
    reminder_sent_at    TIMESTAMP WITH TIME ZONE,
    process_instance_id VARCHAR(64)
);
CREATE UNIQUE INDEX auth_delegation_number_idx ON auth_delegation (unit_code, decision_number);
CREATE UNIQUE INDEX auth_delegation_process_idx ON auth_delegation (process_instance_id);
CREATE INDEX auth_delegation_unit_idx ON auth_delegation (unit_code, status);

CREATE TABLE auth_delegate (
    delegation_id VARCHAR(64)  NOT NULL REFERENCES auth_delegation (id),
    user_id       VARCHAR(150) NOT NULL,
    full_name     VARCHAR(255) NOT NULL,
    PRIMARY KEY (delegation_id, user_id)
);
CREATE INDEX auth_delegate_user_idx ON auth_delegate (user_id);

CREATE TABLE auth_delegation_scope (
    delegation_id VARCHAR(64) NOT NULL REFERENCES auth_delegation (id),
    task_code     VARCHAR(20) NOT NULL REFERENCES auth_certification_task (code),
    PRIMARY KEY (delegation_id, task_code)
);

-- A certification request received at the ward's public service centre, and its register entry once signed.
CREATE TABLE auth_certification_request (
    id                  VARCHAR(64)              NOT NULL PRIMARY KEY,
    unit_code           VARCHAR(100)             NOT NULL REFERENCES org_unit (code),
    task_code           VARCHAR(20)              NOT NULL REFERENCES auth_certification_task (code),
    applicant_name      VARCHAR(255)             NOT NULL,
    applicant_id_number VARCHAR(30),
    copies              INTEGER                  NOT NULL,
    pages               INTEGER                  NOT NULL,
    fee                 BIGINT                   NOT NULL,
    received_by         VARCHAR(150)             NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline            TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(20)              NOT NULL,
    routed_to           VARCHAR(2000),
    signer              VARCHAR(150),
    signer_name         VARCHAR(255),
    delegation_id       VARCHAR(64)              REFERENCES auth_delegation (id),
    signature_block     VARCHAR(1000),
    register_book       VARCHAR(20),
    register_year       INTEGER,
    register_number     INTEGER,
    decided_at          TIMESTAMP WITH TIME ZONE,
    refusal_reason      VARCHAR(2000),
    process_instance_id VARCHAR(64)
);
CREATE UNIQUE INDEX auth_request_register_idx
    ON auth_certification_request (unit_code, register_book, register_year, register_number);
CREATE UNIQUE INDEX auth_request_process_idx ON auth_certification_request (process_instance_id);
CREATE INDEX auth_request_unit_idx ON auth_certification_request (unit_code, decided_at);
CREATE INDEX auth_request_delegation_idx ON auth_certification_request (delegation_id);

-- The last number given per ward, book and year: locked (SELECT ... FOR UPDATE) by the signing transaction.
CREATE TABLE auth_register_counter (
    unit_code     VARCHAR(100) NOT NULL,
    register_book VARCHAR(20)  NOT NULL,
    register_year INTEGER      NOT NULL,
    last_number   INTEGER      NOT NULL,
    PRIMARY KEY (unit_code, register_book, register_year)
);

-- Audit trail: every step on a delegation or a certification, who did it and when.
CREATE TABLE auth_audit (
    id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor      VARCHAR(150)             NOT NULL,
    unit_code  VARCHAR(100)             NOT NULL,
    action     VARCHAR(40)              NOT NULL,
    subject_id VARCHAR(64)              NOT NULL,
    detail     VARCHAR(2000)
);
CREATE INDEX auth_audit_unit_idx ON auth_audit (unit_code, at);
CREATE INDEX auth_audit_subject_idx ON auth_audit (subject_id);
