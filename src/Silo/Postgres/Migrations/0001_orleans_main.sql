-- The statements Orleans' ADO.NET providers run are looked up by key in OrleansQuery
-- (SELECT QueryKey, QueryText FROM OrleansQuery). Later migrations upsert their keys, so each file can run again.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT OrleansQuery_Key PRIMARY KEY (QueryKey)
);
