-- team-store-roles.sql — roles and grants for an AeroDesk team store on PostgreSQL 15
-- (docs/team.md, "Roles"). Run as a superuser (or the database's owner with CREATEROLE), in the
-- team database, with psql:
--
--   psql -v ON_ERROR_STOP=1 -d aerodesk_team -f scripts/team-store-roles.sql
--
-- Run it TWICE at set-up — once before the first AeroDesk opens the store, once after the lead
-- opened it as aerodesk_owner (which creates the tables) — and again after every AeroDesk upgrade
-- that adds a table. It is idempotent.
--
--   aerodesk_owner  LOGIN. Creates and migrates the schema (the lead's console, once per upgrade).
--                   Set its password yourself: ALTER ROLE aerodesk_owner PASSWORD '...';
--   aerodesk_agent  NOLOGIN group. Each support person gets a login role in it:
--                   CREATE ROLE alice LOGIN PASSWORD '...' IN ROLE aerodesk_agent;
--                   Agents read and write connections, history and the timeline, and may only
--                   SELECT and INSERT audit records: never UPDATE, DELETE or TRUNCATE them.
-- The database server only ever sees ciphertext and blind indexes (the keys stay on desktops);
-- these grants keep an agent's own login from rewriting the audit trail, and the hash chain
-- with its keychain head (docs/audit.md) still detects anything the owner or a superuser does.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aerodesk_owner') THEN
        CREATE ROLE aerodesk_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'aerodesk_agent') THEN
        CREATE ROLE aerodesk_agent NOLOGIN;
    END IF;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO aerodesk_owner, aerodesk_agent',
                   current_database());
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
END
$$;

-- Only the owner creates tables; agents use what exists.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO aerodesk_owner;
GRANT USAGE ON SCHEMA public TO aerodesk_agent;

-- Every table the owner created (second and later runs): read and write...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO aerodesk_agent;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO aerodesk_agent;
-- ...except the audit log and the schema bookkeeping: append-only / read-only for agents.
DO $$
BEGIN
    IF to_regclass('public.audit_log') IS NOT NULL THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_log FROM aerodesk_agent;
        GRANT SELECT, INSERT ON public.audit_log TO aerodesk_agent;
    END IF;
    IF to_regclass('public.schema_version') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.schema_version FROM aerodesk_agent;
    END IF;
    IF to_regclass('public.store_meta') IS NOT NULL THEN
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.store_meta FROM aerodesk_agent;
    END IF;
END
$$;
