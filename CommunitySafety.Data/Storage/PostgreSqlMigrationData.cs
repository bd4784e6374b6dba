using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// What PostgreSQL's first migration adds beside the generated schema, kept apart so that a regenerated migration can
/// call it again: the home area's row (SQLite's Areas migration adds it), the audit trail that refuses changes (SQLite's
/// triggers), and the notice every committed change sends to the app instances listening (see DataChangeListener).
/// </summary>
public static class PostgreSqlMigrationData
{
    /// <summary>The channel of LISTEN/NOTIFY on which each committed row of Changes is announced, its id the payload.</summary>
    public const string ChangesChannel = "communitysafety_changes";

    /// <summary>The advisory lock that gives changes their ids in commit order ("CSDchnge" as a number).</summary>
    public const long ChangesLockKey = 0x4353_4463_686E_6765;

    public static void AddHomeAreaAuditGuardAndChangeNotice(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            INSERT INTO "Areas" ("Id", "Name", "IsHome") VALUES ({Area.HomeId}, '{AreaNames.HomePlaceholder}', TRUE);
            SELECT setval(pg_get_serial_sequence('"Areas"', 'Id'), (SELECT max("Id") FROM "Areas"));
            """);
        migrationBuilder.Sql("""
            CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'The audit trail cannot be changed.'; END; $$;
            CREATE TRIGGER "AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
            CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change();
            """);
        // A change's id is its version (pages and the figures cache compare ids), so ids must be given in the order the
        // changes commit, as SQLite's one writer does: each takes its id under a lock held until its transaction ends.
        migrationBuilder.Sql($"""
            CREATE FUNCTION changes_in_commit_order() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_advisory_xact_lock({ChangesLockKey});
                NEW."Id" := nextval(pg_get_serial_sequence('"Changes"', 'Id'));
                RETURN NEW;
            END; $$;
            CREATE TRIGGER "Changes_InCommitOrder" BEFORE INSERT ON "Changes" FOR EACH ROW EXECUTE FUNCTION changes_in_commit_order();
            """);
        migrationBuilder.Sql($"""
            CREATE FUNCTION changes_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_notify('{ChangesChannel}', NEW."Id"::text); RETURN NEW; END; $$;
            CREATE TRIGGER "Changes_Notify" AFTER INSERT ON "Changes" FOR EACH ROW EXECUTE FUNCTION changes_notify();
            """);
    }

    public static void RemoveHomeAreaAuditGuardAndChangeNotice(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            DROP TRIGGER IF EXISTS "Changes_Notify" ON "Changes";
            DROP FUNCTION IF EXISTS changes_notify();
            DROP TRIGGER IF EXISTS "Changes_InCommitOrder" ON "Changes";
            DROP FUNCTION IF EXISTS changes_in_commit_order();
            DROP TRIGGER IF EXISTS "AuditEntries_NoUpdate" ON "AuditEntries";
            DROP TRIGGER IF EXISTS "AuditEntries_NoDelete" ON "AuditEntries";
            DROP FUNCTION IF EXISTS audit_entries_refuse_change();
            """);
    }
}
