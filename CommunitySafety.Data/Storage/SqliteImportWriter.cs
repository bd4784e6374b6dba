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
        var months = InsertMonths(connection, transaction, importId, import.Months);
        InsertMessages(connection, transaction, importId, import.Messages);
        InsertFacts(connection, transaction, importId, import.Facts, cancellationToken);
        Execute(connection, transaction, "INSERT INTO Changes (At, Description) VALUES ($at, $description)",
            ("$at", import.At), ("$description", import.ChangeDescription));

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

    private static List<MonthReplacement> InsertMonths(SqliteConnection connection, SqliteTransaction transaction, int importId, IReadOnlyList<NewImportMonth> months)
    {
        var replacements = new List<MonthReplacement>();
        var owners = OwnersBefore(connection, transaction, months.Select(m => m.Month).ToList());
        using var insert = Command(connection, transaction,
            """
            INSERT INTO ImportMonths (ImportId, Month, HasDomestic, HasLocationType, ReplacedImportId)
            VALUES ($import, $month, $domestic, $location, $replaced)
            """,
            ("$import", importId), ("$month", 0), ("$domestic", false), ("$location", false), ("$replaced", null));

        foreach (var month in months.OrderBy(m => m.Month))
        {
            var replaced = owners.TryGetValue(month.Month, out var id) ? (int?)id : null;
            insert.Parameters["$month"].Value = month.Month;
            insert.Parameters["$domestic"].Value = month.HasDomestic;
            insert.Parameters["$location"].Value = month.HasLocationType;
            insert.Parameters["$replaced"].Value = (object?)replaced ?? DBNull.Value;
            insert.ExecuteNonQuery();
            replacements.Add(new MonthReplacement(YearMonth.FromKey(month.Month), replaced));
        }
        return replacements;
    }

    /// <summary>Who owns each month before this import is written, by the shared rule, read inside the write transaction.</summary>
    private static Dictionary<int, int> OwnersBefore(SqliteConnection connection, SqliteTransaction transaction, List<int> months)
    {
        using var db = new CommunitySafetyDb(new DbContextOptionsBuilder<CommunitySafetyDb>().UseSqlite(connection).Options);
        db.Database.UseTransaction(transaction);
        return db.LatestOwners().Where(o => months.Contains(o.Month)).ToDictionary(o => o.Month, o => o.ImportId);
    }

    private static void InsertMessages(SqliteConnection connection, SqliteTransaction transaction, int importId, IReadOnlyList<NewImportMessage> messages)
    {
        foreach (var message in messages)
            Execute(connection, transaction,
                "INSERT INTO ImportMessages (ImportId, Kind, Text, Count) VALUES ($import, $kind, $text, $count)",
                ("$import", importId), ("$kind", (int)message.Kind), ("$text", message.Text), ("$count", message.Count));
    }

    private void InsertFacts(SqliteConnection connection, SqliteTransaction transaction, int importId, IEnumerable<NewFact> facts, CancellationToken cancellationToken)
    {
        var beatIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        using (var existing = Command(connection, transaction, "SELECT Id, Name FROM Beats"))
        using (var reader = existing.ExecuteReader())
            while (reader.Read()) beatIds[reader.GetString(1)] = reader.GetInt32(0);

        using var insertBeat = Command(connection, transaction,
            "INSERT INTO Beats (Name) VALUES ($name); SELECT last_insert_rowid();", ("$name", ""));
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
            if (!beatIds.TryGetValue(fact.Beat, out var beatId))
            {
                insertBeat.Parameters["$name"].Value = fact.Beat;
                beatId = Convert.ToInt32(insertBeat.ExecuteScalar());
                beatIds[fact.Beat] = beatId;
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
