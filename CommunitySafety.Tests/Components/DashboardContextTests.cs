using CommunitySafety.Dashboard.Services;

namespace CommunitySafety.Tests.Components;

/// <summary>The shell (app bar, sample-data notice) redraws in every open page only when what it shows changes.</summary>
public class DashboardContextTests
{
    [Fact]
    public void The_shell_is_told_of_a_new_period_or_of_real_data_replacing_the_sample_but_not_of_every_new_version()
    {
        var context = new DashboardContext();
        var told = 0;
        context.Changed += () => told++;

        context.Show(TestFigures.Overview(), TestFigures.Q2);
        Assert.Equal(1, told);

        var nextVersion = TestFigures.Overview();
        context.Show(nextVersion, TestFigures.Q2);
        Assert.Equal(1, told);
        Assert.Same(nextVersion, context.Overview);

        context.Show(nextVersion, TestFigures.Q1);
        Assert.Equal(2, told);

        context.Show(nextVersion with { IsSampleData = !nextVersion.IsSampleData }, TestFigures.Q1);
        Assert.Equal(3, told);
    }
}
