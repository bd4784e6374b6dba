using System.Text;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommunitySafety.Tests.Data;

/// <summary>
/// The data layer on a SQLite file of its own in a temporary folder (which also holds the test's input files), or on a
/// PostgreSQL database of its own on the test run's <see cref="PostgreSqlServer"/>, built exactly as the app builds it:
/// AddCommunitySafetyData + Database.PrepareAsync. Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgreSqlConnection;

    private TestDatabase(string folder, string databasePath, ServiceProvider services, string? postgreSqlConnection = null)
    {
        Folder = folder;
        DatabasePath = databasePath;
        Services = services;
        _postgreSqlConnection = postgreSqlConnection;
    }

    public string Folder { get; }
    /// <summary>The SQLite file (on PostgreSQL, where it would be: nothing is there).</summary>
    public string DatabasePath { get; }
    public DatabaseProvider Provider => _postgreSqlConnection is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
    public string ConnectionString => _postgreSqlConnection ?? $"Data Source={DatabasePath}";
    public ServiceProvider Services { get; }
    public Importer Importer => Services.GetRequiredService<Importer>();
    public IFiguresService Figures => Services.GetRequiredService<IFiguresService>();
    public IDbContextFactory<CommunitySafetyDb> DbFactory => Services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();

    /// <param name="include">Areas:Include (null: the home area only; "*": every area found).</param>
    public static async Task<TestDatabase> CreateAsync(
        string area = "Harborough", IReadOnlyList<string>? include = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var folder = Directory.CreateTempSubdirectory("community-safety-test-").FullName;
        var path = Path.Combine(folder, "test.db");
        var postgreSql = provider == DatabaseProvider.PostgreSql ? await (await PostgreSqlServer.InstanceAsync()).CreateDatabaseAsync() : null;
        var settings = postgreSql is null
            ? new DataSettings($"Data Source={path}", area, AreasInclude: include)
            : new DataSettings(postgreSql, area, FilesFolder: Path.Combine(folder, "files"), AreasInclude: include, Provider: DatabaseProvider.PostgreSql);
        var services = new ServiceCollection().AddCommunitySafetyData(settings).BuildServiceProvider();
        var database = new TestDatabase(folder, path, services, postgreSql);
        await Database.PrepareAsync(database.DbFactory);
        return database;
    }

    /// <summary>An importer over this database that writes through <paramref name="writer"/> (for fault injection).</summary>
    public Importer ImporterWith(IImportWriter writer) =>
        new(DbFactory, writer, TimeProvider.System, Services.GetRequiredService<DataSettings>().Area,
            dataVersion: Services.GetRequiredService<DataVersion>());

    /// <summary>A new writer of this database's provider, calling <paramref name="afterFactWritten"/> after each fact (to inject a fault).</summary>
    public IImportWriter NewWriter(Action<int>? afterFactWritten = null) => Provider == DatabaseProvider.PostgreSql
        ? new PostgreSqlImportWriter(ConnectionString) { AfterFactWritten = afterFactWritten }
        : new SqliteImportWriter(ConnectionString) { AfterFactWritten = afterFactWritten };

    // ---- input files -------------------------------------------------------------------------------------------

    /// <summary>Writes <paramref name="text"/> to a file in the test folder; UTF-8 without BOM unless told.</summary>
    public string WriteFile(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, [.. (encoding ?? new UTF8Encoding(false)).GetPreamble(), .. (encoding ?? new UTF8Encoding(false)).GetBytes(text)]);
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>CSV lines joined with LF and ended with one.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    // ---- imports -----------------------------------------------------------------------------------------------

    public Task<ImportReport> ImportAsync(params string[] paths) => ImportAsync(paths, ImportFormat.Auto);

    public Task<ImportReport> ImportAsync(IEnumerable<string> paths, ImportFormat format = ImportFormat.Auto, string? beatMap = null, string? by = "test") =>
        Importer.ImportAsync(new ImportRequest(paths.Select(UploadedFile.FromPath).ToList(), format, beatMap, by));

    /// <summary>Imports and fails the test, listing the errors, unless the import was taken.</summary>
    public async Task<ImportReport> ImportOkAsync(params string[] paths)
    {
        var report = await ImportAsync(paths);
        Assert.True(report.Outcome == ImportOutcome.Imported,
            $"expected Imported, got {report.Outcome}: {report.Message} {string.Join(" | ", report.Errors)}");
        return report;
    }

    // ---- what is in the database -------------------------------------------------------------------------------

    /// <summary>The live count of a measure in each month that has data ("2023-04" -> 12); null where the month cannot answer it.</summary>
    public async Task<Dictionary<string, int?>> MonthlyAsync(string measure, string? beat = null)
    {
        var series = await Figures.GetTrendAsync(measure, beat, TrendGranularity.Month);
        Assert.NotNull(series);
        return series.Points.ToDictionary(p => p.Period, p => p.Count);
    }

    public async Task<(int Imports, int Facts, int Months)> CountRowsAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return (await db.Imports.CountAsync(), await db.Facts.CountAsync(), await db.ImportMonths.CountAsync());
    }

    /// <summary>
    /// Every row of every table, in order: two dumps are equal only if the database holds exactly the same. The audit
    /// trail is left out: it records a refused import too, by design.
    /// </summary>
    public Task<string> DumpAsync() => Provider == DatabaseProvider.PostgreSql ? DumpPostgreSqlAsync(ConnectionString) : DumpAsync(ConnectionString);

    /// <summary>Every row of every table but the audit trail, with the sequences' positions, of a PostgreSQL database.</summary>
    private static async Task<string> DumpPostgreSqlAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'AuditEntries' ORDER BY table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            dump.AppendLine($"== {table}");
            await using var select = new NpgsqlCommand($"SELECT * FROM \"{table}\" ORDER BY 1", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    dump.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                dump.AppendLine();
            }
        }
        return dump.ToString();
    }

    /// <summary>Every row of every table (but the audit trail) of the database at <paramref name="connectionString"/>.</summary>
    public static async Task<string> DumpAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(Database.NormalizeConnectionString(connectionString));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'AuditEntries' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            dump.AppendLine($"== {table}");
            await using var select = connection.CreateCommand();
            select.CommandText = table == "sqlite_sequence"
                ? "SELECT * FROM sqlite_sequence WHERE name <> 'AuditEntries' ORDER BY rowid"
                : $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    dump.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                dump.AppendLine();
            }
        }
        return dump.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgreSqlConnection is not null)
            await (await PostgreSqlServer.InstanceAsync()).DropDatabaseAsync(_postgreSqlConnection);
        else
            // Pooled connections keep the file open; close this database's before deleting it.
            using (var connection = new SqliteConnection(Database.NormalizeConnectionString(ConnectionString)))
                SqliteConnection.ClearPool(connection);
        Directory.Delete(Folder, recursive: true);
    }
}
