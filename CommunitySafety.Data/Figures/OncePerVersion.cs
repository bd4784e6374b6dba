namespace CommunitySafety.Data.Figures;

/// <summary>
/// Something read once per version of the data, however many ask at once: the first to ask for a version reads it and
/// the others wait for that read. A change of data reaches every open page at the same moment, and each used to go to
/// the database for the same answer (200 pages, 200 queries, each holding a thread while SQLite worked).
/// </summary>
internal sealed class OncePerVersion<T>
{
    private sealed record Kept(long Version, Task<T> Value);

    private volatile Kept? _kept;

    /// <summary>
    /// The value for <paramref name="version"/> (or a newer one's, if one is already kept). <paramref name="read"/> takes no
    /// caller's cancellation, as others may be waiting for it; a read that fails is forgotten, so the next caller tries again.
    /// </summary>
    public async Task<T> GetAsync(long version, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        while (true)
        {
            var kept = _kept;
            if (kept is not null && kept.Version >= version) return await kept.Value.WaitAsync(cancellationToken);
            var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            var candidate = new Kept(version, mine.Task);
            if (Interlocked.CompareExchange(ref _kept, candidate, kept) != kept) continue; // another caller got there first
            try
            {
                mine.SetResult(await read());
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _kept, null, candidate);
                mine.SetException(exception);
            }
            return await mine.Task.WaitAsync(cancellationToken);
        }
    }
}
