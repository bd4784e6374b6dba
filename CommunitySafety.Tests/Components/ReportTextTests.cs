using CommunitySafety.Data;
using static CommunitySafety.Tests.TestMonths;
using CommunitySafety.Dashboard.Components.Pages.Report;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Components;

public class ReportTextTests
{
    [Fact]
    public void Months_are_told_as_runs()
    {
        YearMonth[] months = [new(2023, 4), new(2023, 5), new(2023, 6), new(2023, 8), new(2023, 10), new(2023, 11)];

        Assert.Equal("Apr 2023 to Jun 2023, Aug 2023 and Oct 2023 to Nov 2023", Words.MonthRuns(months));
    }

    [Fact]
    public void The_sources_name_each_import_whose_months_are_live_in_the_report_oldest_first()
    {
        ImportHistoryEntry Import(int id, string file, params string[] live) => new(
            id, new DateTimeOffset(2023, 7, id, 9, 0, 0, TimeSpan.Zero), "analyst", ImportStatus.Committed, null, 10, 10, 0, null,
            [new ImportedFileReport(file, ImportFormat.BeatExtract, "", "utf-8", 10, 10, 0)], [], live.Select(TestMonths.M).ToList(), [], []);

        var sentence = ReportSources.Describe(
            [Import(3, "q1.csv", "2023-04", "2023-05", "2023-06"), Import(2, "old.csv", "2019-04"), Import(1, "2022.csv", "2022-04", "2022-05")],
            new YearMonth(2022, 4), new YearMonth(2023, 6));

        Assert.Equal(
            "The figures come from import 1 (2022.csv, imported 1 Jul 2023) for Apr 2022 to May 2022; " +
            "import 3 (q1.csv, imported 3 Jul 2023) for Apr 2023 to Jun 2023.",
            sentence);
    }
}
