-- Organisation directory: units, their divisions, officials, and the reference files imported into them.
-- Portable SQL: runs on PostgreSQL and H2.
CREATE TABLE org_unit (
    code        VARCHAR(100)             NOT NULL PRIMARY KEY,
    name        VARCHAR(255)             NOT NULL,
    kind        VARCHAR(30)              NOT NULL,
    parent_code VARCHAR(100)             REFERENCES org_unit (code),
    sort_order  INTEGER                  NOT NULL,
    active      BOOLEAN                  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX org_unit_kind_idx ON org_unit (kind);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_code);

CREATE TABLE org_division (
    code       VARCHAR(150)             NOT NULL PRIMARY KEY,
    unit_code  VARCHAR(100)             NOT NULL REFERENCES org_unit (code),
    name       VARCHAR(255)             NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX org_division_unit_idx ON org_division (unit_code);

CREATE TABLE org_official (
    user_id       VARCHAR(150)             NOT NULL PRIMARY KEY,
    full_name     VARCHAR(255)             NOT NULL,
    email         VARCHAR(255),
    unit_code     VARCHAR(100)             NOT NULL REFERENCES org_unit (code),
    division_code VARCHAR(150)             REFERENCES org_division (code),
    role          VARCHAR(20)              NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX org_official_unit_idx ON org_official (unit_code);

CREATE TABLE org_import (
    source      VARCHAR(200)             NOT NULL PRIMARY KEY,
    checksum    VARCHAR(64)              NOT NULL,
    row_count   INTEGER                  NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);
