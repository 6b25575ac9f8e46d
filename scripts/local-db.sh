#!/usr/bin/env bash
# The portal's database in a local cluster (make run), with the two roles of production
# (README, "External PostgreSQL"):
#   portal_owner  owns the database and everything in it; runs the migrations (ConnectionStrings__PortalOwner)
#   portal_app    what the running portal connects as; the migrator grants it its rights (ConnectionStrings__Portal)
# Idempotent. A database made before the roles existed (everything owned by postgres) is handed over
# to portal_owner with its data, so an existing .data/pg keeps working.
#
#   scripts/local-db.sh PORT [DATABASE]   (PG_BIN from ensure-deps.sh; connects as the superuser postgres;
#                                          DATABASE defaults to portal, scripts/bench.sh names its own)
set -euo pipefail

[[ $# -eq 1 || $# -eq 2 ]] || { echo "usage: local-db.sh PORT [DATABASE]" >&2; exit 2; }
port=$1
database=${2:-portal}
[[ -n "${PG_BIN:-}" ]] || { echo "local-db.sh: PG_BIN is not set (source scripts/ensure-deps.sh)" >&2; exit 2; }

sql() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -v db="$database" -h 127.0.0.1 -p "$port" -U postgres "$@"; }

# psql runs each statement on its own, so CREATE DATABASE (never inside a transaction) works here.
sql -d postgres <<'SQL'
SELECT 'CREATE ROLE portal_owner' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_owner') \gexec
SELECT 'CREATE ROLE portal_app' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_app') \gexec
-- Neither may do more than its job, whoever created them; the app role is never a member of the owner.
ALTER ROLE portal_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE portal_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
SELECT 'REVOKE portal_owner FROM portal_app' WHERE pg_has_role('portal_app', 'portal_owner', 'MEMBER') \gexec
SELECT format('CREATE DATABASE %I OWNER portal_owner', :'db') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
-- The owner of the database owns its schema public (PostgreSQL 15+), so portal_owner may create tables there.
ALTER DATABASE :"db" OWNER TO portal_owner;
SQL

handed=$(sql -d "$database" -tA <<'SQL'
SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relowner = 'postgres'::regrole
          AND relkind IN ('r', 'p', 'v', 'S'))
     + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace AND proowner = 'postgres'::regrole)
SQL
)
if [[ "$handed" != 0 ]]; then
  echo "Handing the tables, sequences and functions of database $database from postgres to portal_owner"
  sql -d "$database" <<'SQL'
DO $$
DECLARE
    item record;
BEGIN
    -- Tables first: their indexes, triggers and identity sequences move with them.
    FOR item IN SELECT oid::regclass AS name, relkind FROM pg_class
                WHERE relnamespace = 'public'::regnamespace AND relowner = 'postgres'::regrole AND relkind IN ('r', 'p', 'v')
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO portal_owner', CASE item.relkind WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, item.name);
    END LOOP;
    FOR item IN SELECT oid::regclass AS name FROM pg_class
                WHERE relnamespace = 'public'::regnamespace AND relowner = 'postgres'::regrole AND relkind = 'S'
    LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO portal_owner', item.name);
    END LOOP;
    FOR item IN SELECT oid::regprocedure AS name FROM pg_proc
                WHERE pronamespace = 'public'::regnamespace AND proowner = 'postgres'::regrole
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO portal_owner', item.name);
    END LOOP;
END
$$;
SQL
fi
