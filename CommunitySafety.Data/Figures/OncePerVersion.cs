using System.Collections.Concurrent;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// Answers read once per version of the data and key, however many ask at once: the first to ask reads it and the
/// others wait for that read. A change of data reaches every open page at the same moment, and each used to go to the
/// database for the same answer (200 pages, 200 queries, each holding a thread while SQLite worked). The keys can come
/// from addresses anyone can type, so at most <paramref name="maxKept"/> are kept a version; others are read each time.
/// </summary>
internal sealed class OncePerVersion<TKey, T>(int maxKept, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private sealed record Kept(long Version, ConcurrentDictionary<TKey, Task<T>> Answers);

    private volatile Kept? _kept;

    /// <summary>
    /// The answer for <paramref name="key"/> at <paramref name="version"/> (or a newer version's, if one is already kept).
    /// <paramref name="read"/> takes no caller's cancellation, as others may be waiting for it; a read that fails is
    /// forgotten, so the next caller tries again.
    /// </summary>
    public async Task<T> GetAsync(long version, TKey key, Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var kept = _kept;
        if (kept is null || kept.Version < version)
        {
            var fresh = new Kept(version, new ConcurrentDictionary<TKey, Task<T>>(comparer));
            var was = Interlocked.CompareExchange(ref _kept, fresh, kept);
            kept = was == kept ? fresh : was!;
        }
        if (!kept.Answers.TryGetValue(key, out var answer))
        {
            // Full: read each time, unless the key was added since it was looked for (it may be what filled the table,
            // by a caller who asked at the same moment: it must be that caller's answer, not a second read).
            if (kept.Answers.Count >= maxKept)
                return kept.Answers.TryGetValue(key, out var added) ? await added.WaitAsync(cancellationToken) : await read().WaitAsync(cancellationToken);
            var mine = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            answer = kept.Answers.GetOrAdd(key, mine.Task);
            if (answer == mine.Task)
            {
                try
                {
                    mine.SetResult(await read());
                }
                catch (Exception exception)
                {
                    kept.Answers.TryRemove(new KeyValuePair<TKey, Task<T>>(key, mine.Task));
                    mine.SetException(exception);
                }
            }
        }
        return await answer.WaitAsync(cancellationToken);
    }
}
