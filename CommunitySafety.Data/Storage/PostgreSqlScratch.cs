using Npgsql;

namespace CommunitySafety.Data.Storage;

/// <summary>Throwaway databases on a PostgreSQL server, for the benchmarks: made beside the one named, and dropped after.</summary>
public static class PostgreSqlScratch
{
    /// <summary>Creates an empty database named <paramref name="name"/> on the server of <paramref name="connectionString"/>; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string connectionString, string name)
    {
        await ExecuteAsync(connectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        await ExecuteAsync(connectionString, $"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ToString();
    }

    public static async Task DropDatabaseAsync(string connectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(connectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>The size on disk of the database <paramref name="connectionString"/> names, in bytes (its tables, indexes and TOAST).</summary>
    public static async Task<long> DatabaseSizeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A table of text columns and nothing else (no key, no index): what psql's \copy is measured into.</summary>
    public static Task CreateBareTableAsync(string connectionString, string table, int columns) =>
        ExecuteAsync(connectionString, $"CREATE TABLE \"{table}\" ({string.Join(", ", Enumerable.Range(1, columns).Select(i => $"c{i} text"))})");

    /// <summary>libpq's form of the connection string, for psql ("host=... port=... dbname=... user=..."); the password apart.</summary>
    public static (string ConnInfo, string? Password) ForPsql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var parts = new List<string> { $"host={builder.Host}", $"port={builder.Port}", $"dbname={builder.Database}" };
        if (builder.Username is { Length: > 0 } user) parts.Add($"user={user}");
        return (string.Join(' ', parts), builder.Password);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
