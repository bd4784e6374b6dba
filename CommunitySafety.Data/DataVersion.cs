namespace CommunitySafety.Data;

/// <summary>
/// The latest committed change this process knows of (the highest id of the Changes table), so the figures can tell
/// whether what they hold is current without asking the database on every call. The web app's watcher tells it of
/// every change it reads (this process's and the command line's); a commit in this process says so at once, and the
/// next reader then reads the log's end once. Until something watches the log (a command, a test), every reader reads
/// it, as another process's change would otherwise go unseen.
/// </summary>
public sealed class DataVersion
{
    private const long Unknown = -1;

    private readonly Lock _gate = new();
    private long _latest = Unknown;
    private long _changes;
    private long _seen = Unknown;
    private bool _watched;

    /// <summary>The latest change's id, read from the database only when it is not known.</summary>
    public async Task<long> CurrentAsync(Func<CancellationToken, Task<long>> readLatest, CancellationToken cancellationToken = default)
    {
        long changesBefore;
        lock (_gate)
        {
            if (_watched && _latest != Unknown) return _latest;
            changesBefore = _changes;
        }
        var latest = await readLatest(cancellationToken);
        lock (_gate)
        {
            // A commit of this process that landed while reading may not be in what was read: leave it unknown for the
            // next reader. One the watcher saw meanwhile is newer than what was read.
            latest = Math.Max(latest, _seen);
            if (_changes == changesBefore && latest > _latest) _latest = latest;
        }
        return latest;
    }

    /// <summary>The watcher read the log up to change <paramref name="id"/>: from now on it tells of every change.</summary>
    public void Seen(long id)
    {
        lock (_gate)
        {
            _watched = true;
            _seen = Math.Max(_seen, id);
            if (_latest != Unknown && id > _latest) _latest = id;
        }
    }

    /// <summary>This process committed a change: the latest is unknown until read again.</summary>
    public void Changed()
    {
        lock (_gate)
        {
            _latest = Unknown;
            _changes++;
        }
    }
}
