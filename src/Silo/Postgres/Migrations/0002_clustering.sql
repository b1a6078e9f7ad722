-- Cluster membership for Orleans.Clustering.AdoNet: one version row per cluster (DeploymentId = ClusterId),
-- used as the table's optimistic lock, and one row per silo generation.
CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,
    CONSTRAINT PK_OrleansMembershipVersionTable_DeploymentId PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NULL,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT PK_MembershipTable_DeploymentId PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_MembershipTable_MembershipVersionTable_DeploymentId
        FOREIGN KEY (DeploymentId) REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- Adds a silo row and steps the table version, both or neither: 1 when done, 0 when the version moved on
-- or the row already exists.
CREATE OR REPLACE FUNCTION training_insert_membership(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_silo_name varchar, p_host_name varchar, p_status integer, p_proxy_port integer,
    p_start_time timestamptz, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS TABLE (row_count integer)
LANGUAGE plpgsql AS
$fn$
DECLARE
    changed integer := 0;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable AS v
        SET Version = v.Version + 1, Timestamp = now()
        WHERE v.DeploymentId = p_deployment_id AND v.Version = p_expected_version;
        GET DIAGNOSTICS changed = ROW_COUNT;

        IF changed > 0 THEN
            INSERT INTO OrleansMembershipTable AS m
                (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
            VALUES
                (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
            ON CONFLICT ON CONSTRAINT PK_MembershipTable_DeploymentId DO NOTHING;
            GET DIAGNOSTICS changed = ROW_COUNT;
            IF changed = 0 THEN
                -- Leaving the block by an error rolls back the version step above.
                RAISE EXCEPTION USING ERRCODE = 'OT001';
            END IF;
        END IF;
    EXCEPTION WHEN SQLSTATE 'OT001' THEN
        changed := 0;
    END;
    RETURN QUERY SELECT changed;
END
$fn$;

-- Updates a silo row and steps the table version, both or neither: 1 when done, else 0.
CREATE OR REPLACE FUNCTION training_update_membership(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer,
    p_status integer, p_suspect_times varchar, p_i_am_alive_time timestamptz, p_expected_version integer)
RETURNS TABLE (row_count integer)
LANGUAGE plpgsql AS
$fn$
DECLARE
    changed integer := 0;
BEGIN
    BEGIN
        UPDATE OrleansMembershipVersionTable AS v
        SET Version = v.Version + 1, Timestamp = now()
        WHERE v.DeploymentId = p_deployment_id AND v.Version = p_expected_version;
        GET DIAGNOSTICS changed = ROW_COUNT;

        IF changed > 0 THEN
            UPDATE OrleansMembershipTable AS m
            SET Status = p_status, SuspectTimes = p_suspect_times, IAmAliveTime = p_i_am_alive_time
            WHERE m.DeploymentId = p_deployment_id AND m.Address = p_address AND m.Port = p_port AND m.Generation = p_generation;
            GET DIAGNOSTICS changed = ROW_COUNT;
            IF changed = 0 THEN
                RAISE EXCEPTION USING ERRCODE = 'OT001';
            END IF;
        END IF;
    EXCEPTION WHEN SQLSTATE 'OT001' THEN
        changed := 0;
    END;
    RETURN QUERY SELECT changed;
END
$fn$;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO OrleansMembershipVersionTable (DeploymentId)
        VALUES (@DeploymentId)
        ON CONFLICT (DeploymentId) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer FROM inserted;
$q$),
('InsertMembershipKey', $q$
    SELECT row_count FROM training_insert_membership(
        @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version);
$q$),
('UpdateMembershipKey', $q$
    SELECT row_count FROM training_update_membership(
        @DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime, @Version);
$q$),
('UpdateIAmAlivetimeKey', $q$
    UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId AND Address = @Address AND Port = @Port AND Generation = @Generation;
$q$),
('MembershipReadRowKey', $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m
        ON m.DeploymentId = v.DeploymentId AND m.Address = @Address AND m.Port = @Port AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId;
$q$),
('MembershipReadAllKey', $q$
    SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
           m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId;
$q$),
('GatewaysQueryKey', $q$
    SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND Status = @Status AND ProxyPort > 0;
$q$),
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId AND IAmAliveTime < @IAmAliveTime AND Status <> 3;
$q$)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
