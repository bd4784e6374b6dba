using System.Text.RegularExpressions;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;
using CommunitySafety.Tests.Data.SampleData;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>
/// The real police.uk Leicestershire files of shared/data/realworld/police-uk (Apr-Sep 2021 and Apr-Sep 2022),
/// imported once through the importer and counted once again here, independently, from the raw lines.
/// </summary>
public sealed partial class RealPoliceUkData : IAsyncLifetime
{
    public static string Folder => Path.GetFullPath(Path.Combine(LoadedSampleData.RepositoryRoot(), "..", "shared", "data", "realworld", "police-uk"));

    public static string SkipReason => $"The real police.uk files are not here: {Folder} has no *-street.csv files (shared/ is not beside the repository).";

    public bool Available { get; private set; }
    public TestDatabase Db { get; private set; } = null!;
    public ImportReport Report { get; private set; } = null!;
    public string[] Files { get; private set; } = [];

    /// <summary>Harborough rows per (month, police.uk crime type, neighbourhood), counted from the raw lines.</summary>
    public List<(string Month, string CrimeType, string Neighbourhood)> HarboroughRows { get; } = [];
    public int DataRows { get; private set; }

    public async Task InitializeAsync()
    {
        Files = Directory.Exists(Folder) ? Directory.GetFiles(Folder, "*-street.csv").Order(StringComparer.Ordinal).ToArray() : [];
        Available = Files.Length > 0;
        if (!Available) return;

        CountIndependently();
        Db = await TestDatabase.CreateAsync();
        Report = await Db.ImportAsync(Files);
    }

    /// <summary>
    /// Not our importer: each line split on commas after blanking out quoted text ("On or near Asda, Thurmaston"),
    /// which is the only quoting these files use; column 1 is Month, 8 LSOA name, 9 Crime type.
    /// </summary>
    private void CountIndependently()
    {
        foreach (var file in Files)
        {
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                if (line.Length == 0) continue;
                DataRows++;
                var columns = Quoted().Replace(line, "Q").Split(',');
                Assert.Equal(12, columns.Length);
                var lsoaName = columns[8];
                if (!lsoaName.StartsWith("Harborough ", StringComparison.Ordinal)) continue;
                HarboroughRows.Add((columns[1], columns[9], lsoaName[..^1]));
            }
        }
    }

    public int Count(IEnumerable<string> months, Func<string, bool> crimeType, string? neighbourhood = null) =>
        HarboroughRows.Count(r => months.Contains(r.Month) && crimeType(r.CrimeType) && (neighbourhood is null || r.Neighbourhood == neighbourhood));

    public async Task DisposeAsync()
    {
        if (Available) await Db.DisposeAsync();
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();
}

public class RealPoliceUkDataTests(RealPoliceUkData data) : IClassFixture<RealPoliceUkData>
{
    private const string Asb = "Anti-social behaviour";
    private const string CriminalDamage = "Criminal damage and arson";

    private static string[] Months(int year, int lastMonth) => Enumerable.Range(4, lastMonth - 3).Select(m => $"{year}-{m:D2}").ToArray();

    [SkippableFact]
    public void The_files_import_keeping_exactly_the_harborough_rows()
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);

        Assert.True(data.Report.Outcome == ImportOutcome.Imported, data.Report.Message + string.Join(" | ", data.Report.Errors.Take(5)));
        Assert.Equal(12, data.Report.Files.Count);
        Assert.All(data.Report.Files, f => Assert.Equal(ImportFormat.PoliceUk, f.Format));
        Assert.Equal(data.DataRows, data.Report.RowsRead);
        Assert.Equal(data.HarboroughRows.Count, data.Report.RowsKept);
        Assert.Equal(data.DataRows - data.HarboroughRows.Count, data.Report.RowsSkipped);
        Assert.Equal(data.Report.RowsSkipped, data.Report.SkipReasons.Sum(r => r.Count));
        Assert.Equal([.. Months(2021, 9), .. Months(2022, 9)], data.Report.Months.Select(m => m.Month.ToString()));
    }

    [SkippableFact]
    public async Task Every_month_matches_the_independent_count()
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);

        string[] months = [.. Months(2021, 9), .. Months(2022, 9)];
        async Task<Dictionary<string, int?>> Live(string measure)
        {
            var monthly = await data.Db.MonthlyAsync(measure);
            // Oct 2021 to Mar 2022 are not in the files: no data, not zero.
            Assert.All(monthly.Where(m => !months.Contains(m.Key)), m => Assert.Null(m.Value));
            return monthly.Where(m => months.Contains(m.Key)).ToDictionary();
        }

        Assert.Equal(months.ToDictionary(m => m, m => (int?)data.Count([m], t => t == Asb)), await Live("asb"));
        Assert.Equal(months.ToDictionary(m => m, m => (int?)data.Count([m], t => t != Asb)), await Live("crime"));
        Assert.Equal(months.ToDictionary(m => m, m => (int?)data.Count([m], t => t == CriminalDamage)), await Live(CriminalDamage));
        Assert.All(await data.Db.MonthlyAsync("domestic"), m => Assert.Null(m.Value)); // police.uk has no domestic flag
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Year_to_date_2022_23_against_2021_22_matches_the_independent_count(int quarter)
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);
        var lastMonth = quarter * 3 + 3;
        var current = Months(2022, lastMonth);
        var previous = Months(2021, lastMonth);

        var s = await data.Db.Figures.GetSummaryAsync(new FinancialQuarter(2022, quarter));

        Assert.True(s.DataComplete);
        Assert.Equal((data.Count(current, t => t == Asb), data.Count(previous, t => t == Asb)), (s.Asb!.Current, s.Asb.Previous));
        Assert.Equal((data.Count(current, t => t != Asb), data.Count(previous, t => t != Asb)), (s.Crime!.Current, s.Crime.Previous));
        var damage = s.CrimeTypes.Single(t => t.Name == CriminalDamage);
        Assert.Equal((data.Count(current, t => t == CriminalDamage), data.Count(previous, t => t == CriminalDamage)), (damage.Current, damage.Previous));
        foreach (var type in s.CrimeTypes)
            Assert.Equal(data.Count(current, t => t == type.Name), type.Current);
        Assert.DoesNotContain(s.CrimeTypes, t => t.Name == Asb);
        Assert.Null(s.Domestic);
        Assert.All(s.Beats, b => Assert.Null(b.Domestic));

        // Without a beat map the beats are the neighbourhoods: "Harborough 002A" counts in "Harborough 002".
        Assert.Equal(data.HarboroughRows.Where(r => current.Contains(r.Month)).Select(r => r.Neighbourhood).Distinct().Order(), s.Beats.Select(b => b.Name).Order());
        foreach (var beat in s.Beats)
            Assert.Equal(data.Count(current, t => t == Asb, beat.Name), beat.Asb!.Current);
    }

    /// <summary>shared/data/realworld/SOURCES.md section 4, the 2022/23-vs-2021/22 rows (from these full files).</summary>
    [SkippableTheory]
    [InlineData(1, "asb", 216, 140, -35.2)]
    [InlineData(1, CriminalDamage, 173, 149, -13.9)]
    [InlineData(1, "crime", 1216, 1364, 12.2)]
    [InlineData(2, "asb", 365, 259, -29.0)]
    [InlineData(2, CriminalDamage, 302, 273, -9.6)]
    [InlineData(2, "crime", 2294, 2643, 15.2)]
    public async Task Year_to_date_matches_the_published_comparison_in_SOURCES(int quarter, string measure, int previous, int current, double changePercent)
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);

        var s = await data.Db.Figures.GetSummaryAsync(new FinancialQuarter(2022, quarter));

        var (cur, prev, pct) = measure switch
        {
            "asb" => (s.Asb!.Current, s.Asb.Previous, s.Asb.ChangePercent),
            "crime" => (s.Crime!.Current, s.Crime.Previous, s.Crime.ChangePercent),
            _ => s.CrimeTypes.Where(t => t.Name == measure).Select(t => (t.Current, t.Previous, t.ChangePercent)).Single(),
        };
        Assert.Equal((current, previous, changePercent), (cur, prev, pct));
    }
}
