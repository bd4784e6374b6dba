using Npgsql;

namespace CommunitySafety.Data.Storage;

/// <summary>
/// Hears each committed change of a PostgreSQL database as it commits: a connection kept open that LISTENs on the
/// channel the Changes table's trigger NOTIFYs (see <see cref="PostgreSqlMigrationData"/>). PostgreSQL delivers a
/// notice only once its transaction has committed, to every instance listening; no polling.
/// </summary>
public sealed class PostgreSqlChangeListener(string connectionString)
{
    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> ends it, or throws when the connection is lost.
    /// <paramref name="listening"/> is called once the LISTEN is in place (to catch up with anything committed before);
    /// <paramref name="changed"/> after each wake with the highest change id heard.
    /// </summary>
    public async Task ListenAsync(Func<Task> listening, Func<long, Task> changed, CancellationToken cancellationToken)
    {
        // Keepalive, so a server that went away is noticed by a listener that would otherwise wait for ever.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 15, Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        long heard = 0;
        connection.Notification += (_, notice) =>
        {
            if (long.TryParse(notice.Payload, out var id)) heard = Math.Max(heard, id);
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlMigrationData.ChangesChannel}", connection))
            await listen.ExecuteNonQueryAsync(cancellationToken);
        await listening();
        while (true)
        {
            await connection.WaitAsync(cancellationToken);
            if (heard > 0) await changed(heard);
        }
    }
}
