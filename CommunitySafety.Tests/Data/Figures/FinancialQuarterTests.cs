using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using static CommunitySafety.Tests.Data.Figures.FiguresTestData;

namespace CommunitySafety.Tests.Data.Figures;

public class FinancialQuarterTests
{
    [Theory]
    [InlineData("2023-24", 2023)]
    [InlineData("2023/24", 2023)]
    [InlineData("1999-00", 1999)]
    public void Reads_a_financial_year(string text, int startYear)
    {
        Assert.True(FinancialQuarter.TryParseYear(text, out var year));
        Assert.Equal(startYear, year);
    }

    [Theory]
    [InlineData("2023-25")]
    [InlineData("2023-23")]
    [InlineData("2023")]
    [InlineData("23-24")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_a_year_that_is_not_one_financial_year(string? text)
    {
        Assert.False(FinancialQuarter.TryParseYear(text, out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void Refuses_a_quarter_outside_one_to_four(int quarter)
    {
        Assert.False(FinancialQuarter.TryCreate("2023-24", quarter, out var result));
        Assert.Null(result);
    }

    [Fact]
    public void Creates_a_quarter_from_year_and_number()
    {
        Assert.True(FinancialQuarter.TryCreate("2023-24", 4, out var result));
        Assert.Equal(Q(2023, 4), result);
    }

    [Fact]
    public void Quarter_four_falls_in_the_next_calendar_year()
    {
        var q4 = Q(2023, 4);
        Assert.Equal(M("2024-01"), q4.FirstMonth);
        Assert.Equal(M("2024-03"), q4.LastMonth);
        Assert.Equal(q4, FinancialQuarter.Containing(M("2024-02")));
        Assert.Equal(Q(2024, 1), q4.NextQuarter);
        Assert.Equal(Q(2022, 4), Q(2023, 1).PreviousQuarter);
    }

    [Fact]
    public void Year_to_date_of_quarter_four_runs_April_to_March_across_the_year_end()
    {
        var ytd = new YearToDate(Q(2023, 4));

        Assert.Equal(YearMonth.Range(M("2023-04"), M("2024-03")), ytd.CurrentMonths);
        Assert.Equal(YearMonth.Range(M("2022-04"), M("2023-03")), ytd.PreviousMonths);
        Assert.Equal(24, ytd.AllMonths.Count());
        Assert.True(ytd.Contains(M("2024-03")));
        Assert.False(ytd.Contains(M("2024-04")));
        Assert.False(ytd.Contains(M("2022-03")));
    }

    [Fact]
    public void Summary_of_quarter_four_shows_both_periods_across_the_year_end()
    {
        var summary = Calculate(Q(2023, 4), [], Covered("2022-04", "2024-03"));

        Assert.Equal("2023-24", summary.FinancialYear);
        Assert.Equal(4, summary.Quarter);
        Assert.Equal(new MonthSpan(M("2023-04"), M("2024-03")), summary.Current);
        Assert.Equal(new MonthSpan(M("2022-04"), M("2023-03")), summary.Previous);
        Assert.True(summary.DataComplete);
    }

    [Fact]
    public void Summary_counts_March_in_quarter_four_and_not_April_of_the_next_year()
    {
        var facts = new[] { Asb("2024-03", "A", 5), Asb("2024-04", "A", 100), Asb("2023-03", "A", 2), Asb("2022-03", "A", 100) };

        var summary = Calculate(Q(2023, 4), facts, Covered("2022-03", "2024-04"));

        Assert.Equal(5, summary.Asb!.Current);
        Assert.Equal(2, summary.Asb.Previous);
    }
}
