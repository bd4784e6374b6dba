using CommunitySafety.Data.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// Bulk writes with prepared commands inside one IMMEDIATE transaction (EF Core's change tracker is many times slower
/// for bulk rows). IMMEDIATE takes the write lock at the start, so two processes importing at once take turns.
/// </summary>
public sealed class SqliteImportWriter(string connectionString) : IImportWriter
{
    /// <summary>For tests: called after each fact is written, so a fault can be injected part-way.</summary>
    internal Action<int>? AfterFactWritten { get; set; }

    public async Task<WrittenImport> WriteAsync(NewImport import, CancellationToken cancellationToken = default)
    {
        await using var connection = new SqliteConnection(Database.NormalizeConnectionString(connectionString));
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);

        var importId = InsertImport(connection, transaction, import);
        InsertFiles(connection, transaction, importId, import.Files);
        var areas = new AreaIds(connection, transaction, import.HomeArea);
        var months = InsertMonths(connection, transaction, importId, import.Months, areas);
        InsertMessages(connection, transaction, importId, import.Messages);
        InsertFacts(connection, transaction, importId, import.Facts, areas, cancellationToken);
        InsertPopulations(connection, transaction, importId, import.Populations ?? []);
        Execute(connection, transaction, "INSERT INTO Changes (At, Description) VALUES ($at, $description)",
            ("$at", import.ChangeAt()), ("$description", import.ChangeDescription));

        await transaction.CommitAsync(cancellationToken);
        return new WrittenImport(importId, months);
    }

    private static int InsertImport(SqliteConnection connection, SqliteTransaction transaction, NewImport import)
    {
        using var command = Command(connection, transaction,
            """
            INSERT INTO Imports (ImportedAt, ImportedBy, Status, RowsRead, RowsKept, RowsSkipped, Grouping)
            VALUES ($at, $by, $status, $read, $kept, $skipped, $grouping);
            SELECT last_insert_rowid();
            """,
            ("$at", import.At), ("$by", import.ImportedBy), ("$status", (int)ImportStatus.Committed),
            ("$read", import.RowsRead), ("$kept", import.RowsKept), ("$skipped", import.RowsSkipped), ("$grouping", import.Grouping));
        return Convert.ToInt32(command.ExecuteScalar());
    }

    private static void InsertFiles(SqliteConnection connection, SqliteTransaction transaction, int importId, IReadOnlyList<ImportedFileReport> files)
    {
        foreach (var file in files)
            Execute(connection, transaction,
                """
                INSERT INTO ImportFiles (ImportId, FileName, Sha256, Format, Encoding, RowsRead, RowsKept, RowsSkipped)
                VALUES ($import, $name, $sha, $format, $encoding, $read, $kept, $skipped)
                """,
                ("$import", importId), ("$name", file.FileName), ("$sha", file.Sha256), ("$format", file.Format.ToName()),
                ("$encoding", file.Encoding), ("$read", file.RowsRead), ("$kept", file.RowsKept), ("$skipped", file.RowsSkipped));
    }

    private static List<MonthReplacement> InsertMonths(
        SqliteConnection connection, SqliteTransaction transaction, int importId, IReadOnlyList<NewImportMonth> months, AreaIds areas)
    {
        var replacements = new List<MonthReplacement>();
        var owners = OwnersBefore(connection, transaction, months.Select(m => m.Month).Distinct().ToList());
        using var insert = Command(connection, transaction,
            """
            INSERT INTO ImportMonths (ImportId, AreaId, Month, HasDomestic, HasLocationType, ReplacedImportId)
            VALUES ($import, $area, $month, $domestic, $location, $replaced)
            """,
            ("$import", importId), ("$area", Area.HomeId), ("$month", 0), ("$domestic", false), ("$location", false), ("$replaced", null));

        var reported = new HashSet<int>();
        foreach (var month in months.Select(m => (Month: m, AreaId: areas.IdOf(m.Area))).OrderBy(m => m.AreaId).ThenBy(m => m.Month.Month))
        {
            var replaced = owners.TryGetValue((month.AreaId, month.Month.Month), out var id) ? (int?)id : null;
            insert.Parameters["$area"].Value = month.AreaId;
            insert.Parameters["$month"].Value = month.Month.Month;
            insert.Parameters["$domestic"].Value = month.Month.HasDomestic;
            insert.Parameters["$location"].Value = month.Month.HasLocationType;
            insert.Parameters["$replaced"].Value = (object?)replaced ?? DBNull.Value;
            insert.ExecuteNonQuery();
            // One line a month in the report: the home area's, or the first area's (areas are written home first).
            if (reported.Add(month.Month.Month)) replacements.Add(new MonthReplacement(YearMonth.FromKey(month.Month.Month), replaced));
        }
        return replacements.OrderBy(r => r.Month).ToList();
    }

    /// <summary>Who owns each month before this import is written, by the shared rule, read inside the write transaction.</summary>
    private static Dictionary<(int AreaId, int Month), int> OwnersBefore(SqliteConnection connection, SqliteTransaction transaction, List<int> months)
    {
        using var db = new CommunitySafetyDb(new DbContextOptionsBuilder<CommunitySafetyDb>().UseSqlite(connection).Options);
        db.Database.UseTransaction(transaction);
        return db.LatestOwners().Where(o => months.Contains(o.Month)).ToList().ToDictionary(o => (o.AreaId, o.Month), o => o.ImportId);
    }

    /// <summary>
    /// The ids of areas by name, inside the write transaction: the home area (null, or the setting's name) is the row
    /// flagged home, named from the setting; another name is found or added.
    /// </summary>
    private sealed class AreaIds
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteTransaction _transaction;
        private readonly string? _home;
        private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

        public AreaIds(SqliteConnection connection, SqliteTransaction transaction, string? home)
        {
            _connection = connection;
            _transaction = transaction;
            _home = home;
            using (var existing = Command(connection, transaction, "SELECT Id, Name FROM Areas WHERE IsHome = 0"))
            using (var reader = existing.ExecuteReader())
                while (reader.Read()) _ids[reader.GetString(1)] = reader.GetInt32(0);
            if (home is not null && !_ids.ContainsKey(home))
                Execute(connection, transaction, "UPDATE Areas SET Name = $name WHERE IsHome = 1 AND Name <> $name", ("$name", home));
        }

        public int IdOf(string? area)
        {
            if (area is null || string.Equals(area, _home, StringComparison.OrdinalIgnoreCase)) return Area.HomeId;
            if (_ids.TryGetValue(area, out var id)) return id;
            using var insert = Command(_connection, _transaction,
                "INSERT INTO Areas (Name, IsHome) VALUES ($name, 0); SELECT last_insert_rowid();", ("$name", area));
            id = Convert.ToInt32(insert.ExecuteScalar());
            _ids[area] = id;
            return id;
        }
    }

    private static void InsertPopulations(SqliteConnection connection, SqliteTransaction transaction, int importId, IReadOnlyList<NewPopulation> populations)
    {
        if (populations.Count == 0) return;
        using var insert = Command(connection, transaction,
            "INSERT INTO Populations (ImportId, Year, Level, Area, Beat, Population) VALUES ($import, $year, $level, $area, $beat, $population)",
            ("$import", importId), ("$year", null), ("$level", 0), ("$area", null), ("$beat", null), ("$population", 0));
        foreach (var p in populations)
        {
            insert.Parameters["$year"].Value = (object?)p.Year ?? DBNull.Value;
            insert.Parameters["$level"].Value = (int)p.Level;
            insert.Parameters["$area"].Value = (object?)p.Area ?? DBNull.Value;
            insert.Parameters["$beat"].Value = (object?)p.Beat ?? DBNull.Value;
            insert.Parameters["$population"].Value = p.Population;
            insert.ExecuteNonQuery();
        }
    }

    private static void InsertMessages(SqliteConnection connection, SqliteTransaction transaction, int importId, IReadOnlyList<NewImportMessage> messages)
    {
        foreach (var message in messages)
            Execute(connection, transaction,
                "INSERT INTO ImportMessages (ImportId, Kind, Text, Count) VALUES ($import, $kind, $text, $count)",
                ("$import", importId), ("$kind", (int)message.Kind), ("$text", message.Text), ("$count", message.Count));
    }

    private void InsertFacts(
        SqliteConnection connection, SqliteTransaction transaction, int importId, IEnumerable<NewFact> facts, AreaIds areas, CancellationToken cancellationToken)
    {
        var beatIds = new Dictionary<(int AreaId, string Name), int>(BeatKeyComparer.Instance);
        using (var existing = Command(connection, transaction, "SELECT Id, AreaId, Name FROM Beats"))
        using (var reader = existing.ExecuteReader())
            while (reader.Read()) beatIds[(reader.GetInt32(1), reader.GetString(2))] = reader.GetInt32(0);

        using var insertBeat = Command(connection, transaction,
            "INSERT INTO Beats (AreaId, Name) VALUES ($area, $name); SELECT last_insert_rowid();", ("$area", Area.HomeId), ("$name", ""));
        using var insertFact = Command(connection, transaction,
            """
            INSERT INTO Facts (ImportId, Month, BeatId, Category, CrimeType, LocationType, Domestic, Count)
            VALUES ($import, $month, $beat, $category, $type, $location, $domestic, $count)
            """,
            ("$import", importId), ("$month", 0), ("$beat", 0), ("$category", 0), ("$type", null),
            ("$location", null), ("$domestic", false), ("$count", 0));
        var month = insertFact.Parameters["$month"];
        var beat = insertFact.Parameters["$beat"];
        var category = insertFact.Parameters["$category"];
        var type = insertFact.Parameters["$type"];
        var location = insertFact.Parameters["$location"];
        var domestic = insertFact.Parameters["$domestic"];
        var count = insertFact.Parameters["$count"];

        var written = 0;
        foreach (var fact in facts)
        {
            if (fact.Count == 0) continue; // the month is recorded as covered; a zero count needs no row
            var beatKey = (areas.IdOf(fact.Area), fact.Beat);
            if (!beatIds.TryGetValue(beatKey, out var beatId))
            {
                insertBeat.Parameters["$area"].Value = beatKey.Item1;
                insertBeat.Parameters["$name"].Value = fact.Beat;
                beatId = Convert.ToInt32(insertBeat.ExecuteScalar());
                beatIds[beatKey] = beatId;
            }
            month.Value = fact.Month;
            beat.Value = beatId;
            category.Value = (int)fact.Category;
            type.Value = (object?)fact.CrimeType ?? DBNull.Value;
            location.Value = (object?)fact.LocationType ?? DBNull.Value;
            domestic.Value = fact.Domestic;
            count.Value = fact.Count;
            insertFact.ExecuteNonQuery();
            written++;
            AfterFactWritten?.Invoke(written);
            if ((written & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Beats are told apart by area and by name in any case.</summary>
    private sealed class BeatKeyComparer : IEqualityComparer<(int AreaId, string Name)>
    {
        public static readonly BeatKeyComparer Instance = new();
        public bool Equals((int AreaId, string Name) x, (int AreaId, string Name) y) =>
            x.AreaId == y.AreaId && string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase);
        public int GetHashCode((int AreaId, string Name) key) => HashCode.Combine(key.AreaId, StringComparer.OrdinalIgnoreCase.GetHashCode(key.Name));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }
}
