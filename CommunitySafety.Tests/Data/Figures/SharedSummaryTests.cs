using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data.Figures;

public class SharedSummaryTests
{
    [Fact]
    public async Task Pages_asking_at_once_wait_for_one_calculation_without_holding_a_thread()
    {
        var live = new LiveData(1, [], [], false, PopulationTable.Empty);
        var period = new FinancialQuarter(2023, 1);
        using var gate = new ManualResetEventSlim();
        var calculations = 0;
        var summary = SummaryCalculator.Calculate(period, [], [], new FiguresOptions());
        Summary Calculate()
        {
            Interlocked.Increment(ref calculations);
            gate.Wait(TimeSpan.FromMinutes(1));
            return summary;
        }

        // The first page to ask works it out; every other gets back a task at once while that is held: none is blocked.
        var first = Task.Run(() => live.SummaryOfAsync(period, null, Calculate));
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref calculations) == 1, TimeSpan.FromMinutes(1)));
        var asking = Enumerable.Range(0, 50).Select(_ => live.SummaryOfAsync(period, null, Calculate)).ToList();
        Assert.All(asking, task => Assert.False(task.IsCompleted));

        gate.Set();
        var answers = await Task.WhenAll(asking.Append(first));

        Assert.Equal(1, calculations);
        Assert.All(answers, answer => Assert.Same(summary, answer));
        Assert.Same(summary, await live.SummaryOfAsync(period, null, Calculate));
        Assert.Equal(1, calculations);
    }
}
