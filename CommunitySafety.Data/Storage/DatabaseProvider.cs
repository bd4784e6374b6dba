namespace CommunitySafety.Data.Storage;

/// <summary>Where the data is kept: the setting Database:Provider.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (the default): one partnership on one server.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several app instances serving the same data.</summary>
    PostgreSql,
}

public static class DatabaseProviders
{
    /// <summary>"Sqlite" or "PostgreSQL" (any case; "Postgres" too); null or empty means SQLite.</summary>
    public static DatabaseProvider Parse(string? text) => (text ?? "").Trim().ToUpperInvariant() switch
    {
        "" or "SQLITE" => DatabaseProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" or "NPGSQL" => DatabaseProvider.PostgreSql,
        _ => throw new ArgumentException($"The database provider '{text}' is not known: use Sqlite or PostgreSQL."),
    };
}
