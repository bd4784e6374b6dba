using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// PostgreSQL's bulk writer: the facts go by binary COPY into a staging table of the transaction, and from there into
/// Facts with their beats, in the same transaction as the import's record and months, so all or nothing. Which import
/// owns a month is <see cref="MonthOwners"/>' rule, as on SQLite. Imports from every instance take turns through an
/// advisory lock held until the transaction ends.
/// </summary>
public sealed class PostgreSqlImportWriter(string connectionString) : IImportWriter
{
    /// <summary>The advisory lock all imports share ("CSDimprt" as a number): one import at a time across instances.</summary>
    internal const long ImportLockKey = 0x4353_4469_6D70_7274;

    /// <summary>For tests: called after each fact is written, so a fault can be injected part-way.</summary>
    internal Action<int>? AfterFactWritten { get; set; }

    /// <summary>Told when another instance's import holds the turn, before this one waits for it.</summary>
    public Action<string>? Waiting { get; set; }

    public const string WaitingSentence = "Another import is being written (perhaps on another server); this one waits for it to finish.";

    public async Task<WrittenImport> WriteAsync(NewImport import, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TakeImportTurnAsync(connection, transaction, import.Waiting, cancellationToken);

        var importId = await InsertImportAsync(connection, transaction, import, cancellationToken);
        foreach (var file in import.Files)
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO "ImportFiles" ("ImportId", "FileName", "Sha256", "Format", "Encoding", "RowsRead", "RowsKept", "RowsSkipped")
                VALUES (@import, @name, @sha, @format, @encoding, @read, @kept, @skipped)
                """, cancellationToken,
                ("import", importId), ("name", file.FileName), ("sha", file.Sha256), ("format", file.Format.ToName()),
                ("encoding", file.Encoding), ("read", file.RowsRead), ("kept", file.RowsKept), ("skipped", file.RowsSkipped));
        var areas = await AreaIds.ReadAsync(connection, transaction, import.HomeArea, cancellationToken);
        var months = await InsertMonthsAsync(connection, transaction, importId, import.Months, areas, cancellationToken);
        foreach (var message in import.Messages)
            await ExecuteAsync(connection, transaction,
                """INSERT INTO "ImportMessages" ("ImportId", "Kind", "Text", "Count") VALUES (@import, @kind, @text, @count)""", cancellationToken,
                ("import", importId), ("kind", (int)message.Kind), ("text", message.Text), ("count", message.Count));
        await InsertFactsAsync(connection, transaction, importId, import.Facts, areas, cancellationToken);
        foreach (var p in import.Populations ?? [])
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO "Populations" ("ImportId", "Year", "Level", "Area", "Beat", "Population")
                VALUES (@import, @year, @level, @area, @beat, @population)
                """, cancellationToken,
                ("import", importId), ("year", p.Year), ("level", (int)p.Level), ("area", p.Area), ("beat", p.Beat), ("population", p.Population));
        // The Changes table's trigger sends the NOTIFY that live pages on every instance hear when this commits.
        await ExecuteAsync(connection, transaction, """INSERT INTO "Changes" ("At", "Description") VALUES (@at, @description)""", cancellationToken,
            ("at", import.ChangeAt().ToUniversalTime()), ("description", import.ChangeDescription));

        await transaction.CommitAsync(cancellationToken);
        return new WrittenImport(importId, months);
    }

    private async Task TakeImportTurnAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Action<string>? importWaiting, CancellationToken cancellationToken)
    {
        await using var tryTake = Command(connection, transaction, "SELECT pg_try_advisory_xact_lock(@key)", ("key", ImportLockKey));
        if ((bool)(await tryTake.ExecuteScalarAsync(cancellationToken))!) return;
        Waiting?.Invoke(WaitingSentence);
        importWaiting?.Invoke(WaitingSentence);
        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("key", ImportLockKey));
    }

    /// <summary>
    /// The import's id is the next after the highest, as on SQLite, not the sequence's next: a sequence is not rolled
    /// back, so a failed import would leave a gap and the ids (which reports and undo name) would differ from SQLite's.
    /// Safe because imports are written one at a time (the advisory lock) and only here.
    /// </summary>
    private static async Task<int> InsertImportAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewImport import, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction,
            """
            INSERT INTO "Imports" ("Id", "ImportedAt", "ImportedBy", "Status", "RowsRead", "RowsKept", "RowsSkipped", "Grouping")
            SELECT COALESCE(MAX("Id"), 0) + 1, @at, @by, @status, @read, @kept, @skipped, @grouping FROM "Imports"
            RETURNING "Id"
            """,
            ("at", import.At.ToUniversalTime()), ("by", import.ImportedBy), ("status", (int)ImportStatus.Committed),
            ("read", import.RowsRead), ("kept", import.RowsKept), ("skipped", import.RowsSkipped), ("grouping", import.Grouping));
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<List<MonthReplacement>> InsertMonthsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int importId, IReadOnlyList<NewImportMonth> months, AreaIds areas,
        CancellationToken cancellationToken)
    {
        var replacements = new List<MonthReplacement>();
        var owners = await OwnersBeforeAsync(connection, transaction, months.Select(m => m.Month).Distinct().ToList(), cancellationToken);
        var withAreas = new List<(NewImportMonth Month, int AreaId)>();
        foreach (var month in months) withAreas.Add((month, await areas.IdOfAsync(month.Area, cancellationToken)));

        var reported = new HashSet<int>();
        foreach (var month in withAreas.OrderBy(m => m.AreaId).ThenBy(m => m.Month.Month))
        {
            var replaced = owners.TryGetValue((month.AreaId, month.Month.Month), out var id) ? (int?)id : null;
            await ExecuteAsync(connection, transaction,
                """
                INSERT INTO "ImportMonths" ("ImportId", "AreaId", "Month", "HasDomestic", "HasLocationType", "ReplacedImportId")
                VALUES (@import, @area, @month, @domestic, @location, @replaced)
                """, cancellationToken,
                ("import", importId), ("area", month.AreaId), ("month", month.Month.Month), ("domestic", month.Month.HasDomestic),
                ("location", month.Month.HasLocationType), ("replaced", replaced));
            // One line a month in the report: the home area's, or the first area's (areas are written home first).
            if (reported.Add(month.Month.Month)) replacements.Add(new MonthReplacement(YearMonth.FromKey(month.Month.Month), replaced));
        }
        return replacements.OrderBy(r => r.Month).ToList();
    }

    /// <summary>Who owns each month before this import is written, by the shared rule, read inside the write transaction.</summary>
    private static async Task<Dictionary<(int AreaId, int Month), int>> OwnersBeforeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<int> months, CancellationToken cancellationToken)
    {
        await using var db = new PostgreSqlCommunitySafetyDb(
            new DbContextOptionsBuilder<PostgreSqlCommunitySafetyDb>().UseNpgsql(connection).Options);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return (await db.LatestOwners().Where(o => months.Contains(o.Month)).ToListAsync(cancellationToken))
            .ToDictionary(o => (o.AreaId, o.Month), o => o.ImportId);
    }

    /// <summary>
    /// The facts of the import: streamed by binary COPY into a staging table (beats by name, in the order given), then
    /// the new beats added, first spelling first as on SQLite, then the facts moved into Facts with their beats' ids.
    /// </summary>
    private async Task InsertFactsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int importId, IEnumerable<NewFact> facts, AreaIds areas,
        CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, transaction,
            $"""
            CREATE TEMPORARY TABLE import_staging (
                "Seq" integer NOT NULL, "AreaId" integer NULL, "AreaName" text COLLATE {PostgreSqlCommunitySafetyDb.NoCaseCollation} NULL,
                "Beat" text COLLATE {PostgreSqlCommunitySafetyDb.NoCaseCollation} NOT NULL, "Month" integer NOT NULL, "Category" integer NOT NULL,
                "CrimeType" text NULL, "LocationType" text NULL, "Domestic" boolean NOT NULL, "Count" integer NOT NULL
            ) ON COMMIT DROP
            """, cancellationToken);

        var written = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            """COPY import_staging ("Seq", "AreaId", "AreaName", "Beat", "Month", "Category", "CrimeType", "LocationType", "Domestic", "Count") FROM STDIN (FORMAT BINARY)""",
            cancellationToken))
        {
            copy.Timeout = TimeSpan.Zero; // millions of rows take their time
            foreach (var fact in facts)
            {
                if (fact.Count == 0) continue; // the month is recorded as covered; a zero count needs no row
                var areaId = areas.KnownIdOf(fact.Area);
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(written, NpgsqlDbType.Integer, cancellationToken);
                if (areaId is int known)
                {
                    await copy.WriteAsync(known, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await copy.WriteNullAsync(cancellationToken);
                    await copy.WriteAsync(fact.Area!, NpgsqlDbType.Text, cancellationToken);
                }
                await copy.WriteAsync(fact.Beat, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(fact.Month, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync((int)fact.Category, NpgsqlDbType.Integer, cancellationToken);
                await WriteTextOrNullAsync(copy, fact.CrimeType, cancellationToken);
                await WriteTextOrNullAsync(copy, fact.LocationType, cancellationToken);
                await copy.WriteAsync(fact.Domestic, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(fact.Count, NpgsqlDbType.Integer, cancellationToken);
                written++;
                AfterFactWritten?.Invoke(written);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        if (written == 0) return;

        // Areas first met in the facts (not in the months): added, first spelling first.
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO "Areas" ("Name", "IsHome")
            SELECT s."AreaName", FALSE FROM (
                SELECT DISTINCT ON ("AreaName") "AreaName", "Seq" FROM import_staging WHERE "AreaId" IS NULL ORDER BY "AreaName", "Seq"
            ) s
            WHERE NOT EXISTS (SELECT 1 FROM "Areas" a WHERE NOT a."IsHome" AND a."Name" = s."AreaName")
            ORDER BY s."Seq";
            UPDATE import_staging s SET "AreaId" = a."Id" FROM "Areas" a
            WHERE s."AreaId" IS NULL AND NOT a."IsHome" AND a."Name" = s."AreaName";
            """, cancellationToken);
        await ExecuteAsync(connection, transaction,
            """
            INSERT INTO "Beats" ("AreaId", "Name")
            SELECT n."AreaId", n."Beat" FROM (
                SELECT DISTINCT ON ("AreaId", "Beat") "AreaId", "Beat", "Seq" FROM import_staging ORDER BY "AreaId", "Beat", "Seq"
            ) n
            WHERE NOT EXISTS (SELECT 1 FROM "Beats" b WHERE b."AreaId" = n."AreaId" AND b."Name" = n."Beat")
            ORDER BY n."Seq";
            INSERT INTO "Facts" ("ImportId", "Month", "BeatId", "Category", "CrimeType", "LocationType", "Domestic", "Count")
            SELECT @import, s."Month", b."Id", s."Category", s."CrimeType", s."LocationType", s."Domestic", s."Count"
            FROM import_staging s JOIN "Beats" b ON b."AreaId" = s."AreaId" AND b."Name" = s."Beat"
            ORDER BY s."Seq";
            """, cancellationToken, ("import", importId));
    }

    private static Task WriteTextOrNullAsync(NpgsqlBinaryImporter copy, string? text, CancellationToken cancellationToken) =>
        text is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(text, NpgsqlDbType.Text, cancellationToken);

    /// <summary>
    /// The ids of areas by name, inside the write transaction: the home area (null, or the setting's name) is the row
    /// flagged home, named from the setting; another name is found or added (as SQLite's writer does).
    /// </summary>
    private sealed class AreaIds
    {
        private readonly NpgsqlConnection _connection;
        private readonly NpgsqlTransaction _transaction;
        private readonly string? _home;
        private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

        private AreaIds(NpgsqlConnection connection, NpgsqlTransaction transaction, string? home)
        {
            _connection = connection;
            _transaction = transaction;
            _home = home;
        }

        public static async Task<AreaIds> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string? home, CancellationToken cancellationToken)
        {
            var areas = new AreaIds(connection, transaction, home);
            await using (var existing = Command(connection, transaction, """SELECT "Id", "Name" FROM "Areas" WHERE NOT "IsHome" """))
            await using (var reader = await existing.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) areas._ids[reader.GetString(1)] = reader.GetInt32(0);
            if (home is not null && !areas._ids.ContainsKey(home))
                await ExecuteAsync(connection, transaction, """UPDATE "Areas" SET "Name" = @name WHERE "IsHome" AND "Name" <> @name""", cancellationToken,
                    ("name", home));
            return areas;
        }

        /// <summary>The id of an area already known, or null for one this import adds (while the COPY runs no row can be added).</summary>
        public int? KnownIdOf(string? area)
        {
            if (area is null || string.Equals(area, _home, StringComparison.OrdinalIgnoreCase)) return Area.HomeId;
            return _ids.TryGetValue(area, out var id) ? id : null;
        }

        public async Task<int> IdOfAsync(string? area, CancellationToken cancellationToken)
        {
            if (KnownIdOf(area) is int known) return known;
            await using var insert = Command(_connection, _transaction,
                """INSERT INTO "Areas" ("Name", "IsHome") VALUES (@name, FALSE) RETURNING "Id" """, ("name", area));
            var id = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken));
            _ids[area!] = id;
            return id;
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
