using System.Text.RegularExpressions;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using CommunitySafety.Tests.Data.Import;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>
/// The real Leicestershire police.uk files (Apr-Sep 2021 and 2022) imported with several districts kept, and each
/// district's year-to-date counts checked against a count made here from the raw lines, not by the importer.
/// </summary>
public sealed partial class RealLeicestershireAreas : IAsyncLifetime
{
    public static readonly string[] Kept = ["Blaby", "Charnwood", "Hinckley and Bosworth", "Melton", "Oadby and Wigston"];

    public bool Available { get; private set; }
    public TestDatabase Db { get; private set; } = null!;
    public ImportReport Report { get; private set; } = null!;

    /// <summary>Every data row as (month, area or "" for a name of no area, or null for no LSOA name, crime type).</summary>
    public List<(string Month, string? Area, string CrimeType)> Rows { get; } = [];

    public async Task InitializeAsync()
    {
        var files = Directory.Exists(RealPoliceUkData.Folder) ? Directory.GetFiles(RealPoliceUkData.Folder, "*-street.csv").Order(StringComparer.Ordinal).ToArray() : [];
        Available = files.Length > 0;
        if (!Available) return;

        // Not our importer: quoted text blanked out, split on commas; column 1 Month, 8 LSOA name, 9 Crime type.
        foreach (var line in files.SelectMany(f => File.ReadLines(f).Skip(1)).Where(l => l.Length > 0))
        {
            var columns = Quoted().Replace(line, "Q").Split(',');
            var name = columns[8];
            var match = AreaAndCode().Match(name);
            Rows.Add((columns[1], name.Length == 0 ? null : match.Success ? match.Groups[1].Value : "", columns[9]));
        }

        Db = await TestDatabase.CreateAsync(include: Kept);
        Report = await Db.ImportAsync(files);
    }

    public int Count(string area, IEnumerable<string> months, bool asb) =>
        Rows.Count(r => r.Area == area && months.Contains(r.Month) && (r.CrimeType == "Anti-social behaviour") == asb);

    public async Task DisposeAsync()
    {
        if (Available) await Db.DisposeAsync();
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("^(.+) [0-9]{3}[A-Z]$")]
    private static partial Regex AreaAndCode();
}

public class RealLeicestershireAreasTests(RealLeicestershireAreas data) : IClassFixture<RealLeicestershireAreas>
{
    private static string[] Months(int year, int lastMonth) => Enumerable.Range(4, lastMonth - 3).Select(m => $"{year}-{m:D2}").ToArray();

    [SkippableFact]
    public void Every_row_is_kept_in_its_district_or_skipped_for_a_reason_that_is_counted()
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);
        Assert.True(data.Report.Outcome == ImportOutcome.Imported, data.Report.Message);

        string[] kept = ["Harborough", .. RealLeicestershireAreas.Kept];
        Assert.Equal(data.Rows.Count, data.Report.RowsRead);
        Assert.Equal(data.Rows.Count(r => kept.Contains(r.Area)), data.Report.RowsKept);
        var outside = data.Rows.Count(r => r.Area is { Length: > 0 } && !kept.Contains(r.Area));
        Assert.True(outside > 0, "Leicester, Rutland and the areas beyond the force's border are not kept");
        Assert.Equal(outside, Assert.Single(data.Report.SkipReasons, r => r.Reason == AreaRules.OutsideAreasKeptReason).Count);
        Assert.Equal(data.Rows.Count(r => r.Area is null), data.Report.SkipReasons.Where(r => r.Reason.Contains("no LSOA")).Sum(r => r.Count));
        Assert.Equal(data.Rows.Count(r => r.Area == ""), data.Report.SkipReasons.Where(r => r.Reason == AreaRules.NoAreaReason).Sum(r => r.Count));
    }

    [SkippableTheory]
    [InlineData("Blaby")]
    [InlineData("Charnwood")]
    [InlineData("Harborough")]
    [InlineData("Hinckley and Bosworth")]
    [InlineData("Melton")]
    [InlineData("Oadby and Wigston")]
    public async Task Each_districts_year_to_date_matches_the_independent_count(string area)
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);
        var s = await data.Db.Figures.GetAreaSummaryAsync(area, new FinancialQuarter(2022, 2));

        Assert.NotNull(s);
        Assert.Equal(area, s.Area);
        Assert.True(s.DataComplete);
        Assert.Equal(data.Count(area, Months(2022, 9), asb: true), s.Asb!.Current);
        Assert.Equal(data.Count(area, Months(2021, 9), asb: true), s.Asb.Previous);
        Assert.Equal(data.Count(area, Months(2022, 9), asb: false), s.Crime!.Current);
        Assert.Equal(data.Count(area, Months(2021, 9), asb: false), s.Crime.Previous);
        Assert.True(s.Asb.Current > 100, $"{area} has a real number of ASB incidents");
    }

    [SkippableFact]
    public async Task A_district_not_kept_has_no_figures()
    {
        Skip.IfNot(data.Available, RealPoliceUkData.SkipReason);
        Assert.Null(await data.Db.Figures.GetAreaSummaryAsync("Leicester", new FinancialQuarter(2022, 2)));
    }
}
