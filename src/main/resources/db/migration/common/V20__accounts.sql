-- Accounts in production (issue 20): leavers are deactivated (kept for history), logins are recorded, and every
-- import of the city's staff list is audited (file hash, who, when, counts, one row per change). Portable SQL.
ALTER TABLE org_official ADD COLUMN active BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE org_official ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;

-- The last successful login of every account (officials and service accounts alike), written by LoginRecorder.
CREATE TABLE org_login (
    user_id       VARCHAR(150)             NOT NULL PRIMARY KEY,
    last_login_at TIMESTAMP WITH TIME ZONE NOT NULL,
    door          VARCHAR(30)              NOT NULL
);

-- What the staff list says beyond the directory: phone and position (chức vụ) of an official.
CREATE TABLE acc_contact (
    user_id    VARCHAR(150)             NOT NULL PRIMARY KEY,
    phone      VARCHAR(30),
    job_title  VARCHAR(255),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One staff-list file as previewed (PREVIEWED, or REFUSED when a row was refused) and later APPLIED.
CREATE TABLE acc_import (
    id              VARCHAR(64)              NOT NULL PRIMARY KEY,
    file_name       VARCHAR(255)             NOT NULL,
    file_hash       VARCHAR(64)              NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    row_count       INTEGER                  NOT NULL,
    refused_count   INTEGER                  NOT NULL,
    new_count       INTEGER                  NOT NULL,
    moved_count     INTEGER                  NOT NULL,
    changed_count   INTEGER                  NOT NULL,
    leaving_count   INTEGER                  NOT NULL,
    unchanged_count INTEGER                  NOT NULL,
    previewed_by    VARCHAR(150)             NOT NULL,
    previewed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    applied_by      VARCHAR(150),
    applied_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX acc_import_hash_idx ON acc_import (file_hash);

-- The file's rows as read (so that apply applies exactly what was previewed, without the file again).
CREATE TABLE acc_import_row (
    import_id     VARCHAR(64)  NOT NULL REFERENCES acc_import (id),
    row_no        INTEGER      NOT NULL,
    full_name     VARCHAR(1000),
    login         VARCHAR(300),
    email         VARCHAR(300),
    phone         VARCHAR(100),
    unit_code     VARCHAR(300),
    division_code VARCHAR(300),
    job_title     VARCHAR(1000),
    role          VARCHAR(255),
    error         VARCHAR(2000),
    PRIMARY KEY (import_id, row_no)
);

-- The changes of a preview, and once applied, what was done (hand-over of open work included).
CREATE TABLE acc_import_change (
    import_id  VARCHAR(64)   NOT NULL REFERENCES acc_import (id),
    seq        INTEGER       NOT NULL,
    kind       VARCHAR(20)   NOT NULL,
    user_id    VARCHAR(150)  NOT NULL,
    before_val VARCHAR(2000),
    after_val  VARCHAR(2000),
    proposed_holder VARCHAR(150),
    handed_to  VARCHAR(150),
    handed_items INTEGER,
    PRIMARY KEY (import_id, seq)
);
