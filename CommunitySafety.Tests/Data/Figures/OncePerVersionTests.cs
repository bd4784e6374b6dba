using CommunitySafety.Data.Figures;

namespace CommunitySafety.Tests.Data.Figures;

public sealed class OncePerVersionTests
{
    [Fact]
    public void Callers_asking_at_once_for_the_key_that_fills_the_table_share_its_one_read()
    {
        // The table holds one key; both callers of the first moment must get the first caller's read, not a read of
        // their own because the table was found full (of the very key they asked for). Two threads of their own, started
        // together round after round, so that they do ask at once.
        const int rounds = 10_000;
        var tables = Enumerable.Range(0, rounds).Select(_ => new OncePerVersion<bool, object>(maxKept: 1)).ToArray();
        var reads = new int[rounds];
        var answers = new object[2, rounds];
        using var together = new Barrier(2);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var callers = Enumerable.Range(0, 2).Select(caller => new Thread(() =>
        {
            try
            {
                for (var round = 0; round < rounds; round++)
                {
                    // A state to wait for, with a bound only so that a caller that failed cannot hold the other forever.
                    if (!together.SignalAndWait(TimeSpan.FromMinutes(1))) throw new TimeoutException($"The other caller did not reach round {round}.");
                    var r = round;
                    answers[caller, round] = tables[round].GetAsync(1, true, () =>
                    {
                        Interlocked.Increment(ref reads[r]);
                        return Task.FromResult(new object());
                    }, CancellationToken.None).GetAwaiter().GetResult();
                }
            }
            catch (Exception exception)
            {
                failures.Enqueue(exception);
                together.RemoveParticipant();
            }
        })).ToList();
        callers.ForEach(t => t.Start());
        callers.ForEach(t => t.Join());

        Assert.Empty(failures);

        Assert.All(Enumerable.Range(0, rounds), round =>
        {
            Assert.Equal(1, reads[round]);
            Assert.Same(answers[0, round], answers[1, round]);
        });
    }

    [Fact]
    public async Task Past_the_bound_other_keys_are_read_each_time_and_a_newer_version_starts_afresh()
    {
        var answers = new OncePerVersion<string, string>(maxKept: 2);
        var reads = 0;
        Task<string> Get(long version, string key) => answers.GetAsync(version, key, () =>
        {
            reads++;
            return Task.FromResult($"{key} at {version} (read {reads})");
        }, CancellationToken.None);

        Assert.Equal("a at 1 (read 1)", await Get(1, "a"));
        Assert.Equal("b at 1 (read 2)", await Get(1, "b"));
        Assert.Equal("a at 1 (read 1)", await Get(1, "a"));
        Assert.Equal("c at 1 (read 3)", await Get(1, "c"));
        Assert.Equal("c at 1 (read 4)", await Get(1, "c"));
        Assert.Equal("a at 2 (read 5)", await Get(2, "a"));
    }
}
