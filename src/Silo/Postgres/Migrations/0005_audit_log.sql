-- The audit log: every audited grain's entries, one row each, appended (never updated) from the entries pending in the
-- grain's state. (grain_id, sequence) makes a batch sent again insert nothing twice and reads a grain's trail in order.
CREATE TABLE IF NOT EXISTS audit_log
(
    grain_id text NOT NULL,
    sequence bigint NOT NULL,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    role text NOT NULL,
    acts_for text NULL,
    request_id text NULL,
    grain text NOT NULL,
    operation text NOT NULL,
    changes jsonb NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (grain_id, sequence)
);
