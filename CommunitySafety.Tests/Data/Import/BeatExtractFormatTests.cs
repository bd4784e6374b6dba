using static CommunitySafety.Tests.TestMonths;
using System.Text;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>The beat extract as import-formats.md section 1 describes it: headers, value forms, encodings, quoting.</summary>
public class BeatExtractFormatTests
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";
    private static readonly FinancialQuarter Q1 = new(2023, 1);

    [Theory]
    [InlineData("LocationType")]
    [InlineData("Location Type")]
    [InlineData("location_type")]
    [InlineData("LOCATION-TYPE")]
    [InlineData(" location type ")]
    public async Task Header_names_match_ignoring_case_spaces_underscores_and_hyphens(string locationHeader)
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("q1.csv", Lines(
            $"month,BEAT,Category,type,{locationHeader},Domestic,count",
            "2023-04,Harborough North,ASB,Nuisance,Residential,N,5",
            "2023-04,Harborough North,ASB,Nuisance,Street,N,2"));

        var report = await db.ImportOkAsync(file);

        Assert.Empty(report.Warnings); // every column was understood, none ignored
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.Equal(5, summary.LocationTypes.Asb.Single(l => l.Name == "Residential").Current);
        Assert.Equal(2, summary.LocationTypes.Asb.Single(l => l.Name == "Street").Current);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order()
    {
        string[] rows =
        [
            "2023-04,Harborough North,Crime,Criminal Damage,Residential,N,14",
            "2023-04,Harborough North,ASB,Nuisance,Residential,,37",
            "2023-05,Harborough Town,Incident,,Dwelling,Y,9",
            "2022-04,Harborough Town,Crime,Burglary,Dwelling,Y,3",
        ];
        await using var usual = await CreateAsync();
        await usual.ImportOkAsync(usual.WriteFile("usual.csv", Lines([Header, .. rows])));

        await using var reversed = await CreateAsync();
        var reversedRows = rows.Select(r => string.Join(",", r.Split(',').Reverse()));
        await reversed.ImportOkAsync(reversed.WriteFile("reversed.csv", Lines(["Count,Domestic,LocationType,Type,Category,Beat,Month", .. reversedRows])));

        var expected = SummaryJson.Serialize(await usual.Figures.GetSummaryAsync(Q1));
        Assert.Equal(expected, SummaryJson.Serialize(await reversed.Figures.GetSummaryAsync(Q1)));
        Assert.Equal(14, (await reversed.Figures.GetSummaryAsync(Q1)).CrimeTypes.Single(t => t.Name == "Criminal Damage").Current);
    }

    [Theory]
    [InlineData("2023-04")]
    [InlineData("2023-04-01")]
    [InlineData("2023-04-30")]
    [InlineData("01/04/2023")] // DD/MM/YYYY: the 1st of April, not the 4th of January
    [InlineData("30/04/2023")]
    [InlineData("04/2023")]
    [InlineData("4/2023")]
    [InlineData("Apr 2023")]
    [InlineData("April 2023")]
    [InlineData("apr 2023")]
    [InlineData(" APRIL 2023 ")]
    public async Task Every_month_form_reads_as_April_2023(string month)
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("m.csv", Lines(Header, $"\"{month}\",Harborough North,ASB,,,,3"));

        await db.ImportOkAsync(file);

        var asb = await db.MonthlyAsync("asb");
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 3 }, asb);
    }

    [Theory]
    [InlineData("ASB", "asb")]
    [InlineData("asb", "asb")]
    [InlineData("Anti-social behaviour", "asb")]
    [InlineData("Anti social behaviour", "asb")]
    [InlineData("Antisocial behaviour", "asb")]
    [InlineData("ANTI-SOCIAL BEHAVIOUR", "asb")]
    [InlineData("  anti-social behaviour  ", "asb")]
    [InlineData("Crime", "crime")]
    [InlineData("CRIME", "crime")]
    [InlineData(" crime ", "crime")]
    [InlineData("Incident", "incident")]
    [InlineData("incident", "incident")]
    public async Task Category_synonyms_case_and_spaces(string category, string expected)
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("c.csv", Lines(Header, $"2023-04,Harborough North,{category},Criminal Damage,Dwelling,Y,4"));

        await db.ImportOkAsync(file);

        var asb = (await db.MonthlyAsync("asb"))["2023-04"];
        var crime = (await db.MonthlyAsync("crime"))["2023-04"];
        var domestic = (await db.MonthlyAsync("domestic"))["2023-04"];
        Assert.Equal(expected == "asb" ? 4 : 0, asb);
        Assert.Equal(expected == "crime" ? 4 : 0, crime);
        Assert.Equal(4, domestic); // domestic counts every category: an Incident is neither ASB nor crime, but is domestic
    }

    [Theory]
    [InlineData("Y", 1)]
    [InlineData("y", 1)]
    [InlineData("Yes", 1)]
    [InlineData(" YES ", 1)]
    [InlineData("True", 1)]
    [InlineData("TRUE", 1)]
    [InlineData("1", 1)]
    [InlineData("N", 0)]
    [InlineData("No", 0)]
    [InlineData("no", 0)]
    [InlineData("False", 0)]
    [InlineData("0", 0)]
    [InlineData("", 0)]
    [InlineData("  ", 0)]
    public async Task Domestic_forms(string domestic, int expected)
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("d.csv", Lines(Header, $"2023-04,Harborough North,Crime,Violence Without Injury,Dwelling,{domestic},1"));

        await db.ImportOkAsync(file);

        Assert.Equal(expected, (await db.MonthlyAsync("domestic"))["2023-04"]);
        Assert.Equal(1, (await db.MonthlyAsync("crime"))["2023-04"]);
    }

    [Fact]
    public async Task Count_absent_means_one_per_row()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("n.csv", Lines(
            "Month,Beat,Category,Type",
            "2023-04,Harborough North,ASB,Nuisance",
            "2023-04,Harborough North,ASB,Nuisance",
            "2023-04,Harborough Town,ASB,",
            "2023-05,Harborough Town,Crime,Burglary"));

        var report = await db.ImportOkAsync(file);

        Assert.Equal(4, report.RowsRead);
        Assert.Equal(4, report.RowsKept);
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 3, ["2023-05"] = 0 }, await db.MonthlyAsync("asb"));
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 0, ["2023-05"] = 1 }, await db.MonthlyAsync("crime"));
    }

    [Fact]
    public async Task Count_empty_means_one_and_a_given_count_is_taken()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("n.csv", Lines(
            Header,
            "2023-04,Harborough North,ASB,Nuisance,Street,N,",
            "2023-04,Harborough North,ASB,Nuisance,Street,N, ",
            "2023-04,Harborough North,ASB,Nuisance,Street,N,37",
            "2023-05,Harborough North,ASB,Nuisance,Street,N,0"));

        await db.ImportOkAsync(file);

        // A zero count still says the month has data: it is 0, not missing.
        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 39, ["2023-05"] = 0 }, await db.MonthlyAsync("asb"));
    }

    [Fact]
    public async Task A_count_written_the_way_a_spreadsheet_writes_it_is_read()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("n.csv", Lines(
            Header,
            "2023-04,Harborough North,ASB,Nuisance,Street,N,3.0",
            "2023-04,Harborough North,ASB,Nuisance,Street,N,\"1,200\""));

        await db.ImportOkAsync(file);

        Assert.Equal(new Dictionary<string, int?> { ["2023-04"] = 1203 }, await db.MonthlyAsync("asb"));
    }

    [Fact]
    public async Task One_row_per_incident_and_count_aggregates_give_the_same_figures()
    {
        // (month, beat, category, type, location, domestic, count)
        (string, string, string, string, string, string, int)[] groups =
        [
            ("2023-04", "Harborough North", "ASB", "Nuisance", "Residential", "N", 7),
            ("2023-05", "Harborough North", "ASB", "Personal", "Street", "Y", 2),
            ("2023-04", "Harborough Town", "Crime", "Criminal Damage", "Residential", "N", 5),
            ("2023-06", "Lutterworth", "Crime", "Violence Without Injury", "Dwelling", "Y", 6),
            ("2022-04", "Harborough North", "ASB", "Nuisance", "Residential", "N", 9),
            ("2022-05", "Harborough Town", "Crime", "Criminal Damage", "Street", "N", 4),
            ("2022-06", "Lutterworth", "Incident", "", "Dwelling", "Y", 3),
        ];
        await using var incidents = await CreateAsync();
        var oneEach = groups.SelectMany(g => Enumerable.Repeat($"{g.Item1},{g.Item2},{g.Item3},{g.Item4},{g.Item5},{g.Item6}", g.Item7));
        await incidents.ImportOkAsync(incidents.WriteFile("incidents.csv", Lines(["Month,Beat,Category,Type,LocationType,Domestic", .. oneEach])));

        await using var aggregates = await CreateAsync();
        // The aggregate file also splits one group across two rows: counts of equal rows add up.
        var counted = groups.Select(g => $"{g.Item1},{g.Item2},{g.Item3},{g.Item4},{g.Item5},{g.Item6},{g.Item7 - 1}")
            .Concat(groups.Select(g => $"{g.Item1},{g.Item2},{g.Item3},{g.Item4},{g.Item5},{g.Item6},1"));
        await aggregates.ImportOkAsync(aggregates.WriteFile("aggregates.csv", Lines([Header, .. counted])));

        var expected = await incidents.Figures.GetSummaryAsync(Q1);
        Assert.Equal(SummaryJson.Serialize(expected), SummaryJson.Serialize(await aggregates.Figures.GetSummaryAsync(Q1)));
        Assert.Equal(9, expected.Asb!.Current);
        Assert.Equal(11, expected.Crime!.Current);
        Assert.Equal(8, expected.Domestic!.Current);
    }

    public static TheoryData<string, bool> Utf8Forms => new() { { "with BOM", true }, { "without BOM", false } };

    [Theory]
    [MemberData(nameof(Utf8Forms))]
    public async Task Utf8_with_or_without_byte_order_mark(string _, bool bom)
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("u.csv", Lines(Header, "2023-04,Market Harborough Café Quarter,ASB,Nuisance,Street,N,3"), new UTF8Encoding(bom));
        Assert.Equal(bom, File.ReadAllBytes(file)[0] == 0xEF);

        var report = await db.ImportOkAsync(file);

        Assert.Equal("UTF-8", report.Files.Single().Encoding);
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.Equal("Market Harborough Café Quarter", summary.Beats.Single().Name);
        Assert.Equal(3, summary.Asb!.Current);
    }

    [Fact]
    public async Task Windows_1252_from_excel_is_detected_and_read_as_such()
    {
        await using var db = await CreateAsync();
        var windows1252 = CodePagesEncoding(1252);
        var file = db.WriteFile("excel.csv", Lines(
            "Month,Beat,Category,Type,LocationType,Domestic,Count,Cost",
            "2023-04,Market Harborough Café Quarter,ASB,Nuisance,Street,N,3,£120",
            "2023-04,Market Harborough Café Quarter,Crime,Criminal Damage,Street,N,2,\"£1,000\""), windows1252);
        Assert.Contains((byte)0xE9, File.ReadAllBytes(file)); // é as one Windows-1252 byte, not valid UTF-8

        var report = await db.ImportOkAsync(file);

        Assert.Equal("Windows-1252", report.Files.Single().Encoding);
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.Equal("Market Harborough Café Quarter", Assert.Single(summary.Beats).Name);
        Assert.Equal(3, summary.Asb!.Current);
        Assert.Equal(2, summary.Crime!.Current);
        Assert.Contains(report.Warnings, w => w.Contains("Cost"));
    }

    [Fact]
    public async Task Crlf_and_lf_line_endings_read_the_same()
    {
        string[] lines =
        [
            Header,
            "2023-04,Harborough North,ASB,Nuisance,Street,N,3",
            "2023-05,Harborough Town,Crime,Burglary,Dwelling,Y,2",
        ];
        await using var lf = await CreateAsync();
        await lf.ImportOkAsync(lf.WriteFile("lf.csv", string.Join("\n", lines) + "\n"));
        await using var crlf = await CreateAsync();
        var crlfFile = crlf.WriteFile("crlf.csv", string.Join("\r\n", lines) + "\r\n");
        Assert.Contains("\r\n", File.ReadAllText(crlfFile));
        await crlf.ImportOkAsync(crlfFile);

        var expected = await lf.Figures.GetSummaryAsync(Q1);
        Assert.Equal(SummaryJson.Serialize(expected), SummaryJson.Serialize(await crlf.Figures.GetSummaryAsync(Q1)));
        Assert.Equal(["Harborough North", "Harborough Town"], expected.Beats.Select(b => b.Name).Order());
        Assert.Equal("Dwelling", expected.Headlines.TopDomesticLocationType); // the last column of a CRLF line has no stray \r
    }

    [Fact]
    public async Task Quoted_fields_may_hold_commas_doubled_quotes_and_newlines()
    {
        await using var db = await CreateAsync();
        var file = db.WriteFile("q.csv",
            "Month,Beat,Category,Type,LocationType,Domestic,Count,Notes\r\n" +
            "2023-04,\"Harborough North\",Crime,\"Violence, Without Injury\",\"The \"\"Square\"\"\",N,4,\"first line\r\nsecond line, with a comma\"\r\n" +
            "2023-04,Harborough North,Crime,\"Violence, Without Injury\",Street,N,1,\"said \"\"hello\"\"\"\r\n");

        var report = await db.ImportOkAsync(file);

        Assert.Equal(2, report.RowsRead);
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.Equal(5, Assert.Single(summary.CrimeTypes, t => t.Name == "Violence, Without Injury").Current);
        Assert.Equal(4, Assert.Single(summary.LocationTypes.Crime, l => l.Name == "The \"Square\"").Current);
        Assert.Equal(["Harborough North"], summary.Beats.Select(b => b.Name));
    }

    [Fact]
    public async Task Beat_names_match_trimmed_and_case_insensitively()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("a.csv", Lines(Header,
            "2023-04,Harborough North,ASB,,,,1",
            "2023-04,  harborough north ,ASB,,,,2",
            "2023-05,HARBOROUGH NORTH,ASB,,,,4")));

        var summary = await db.Figures.GetSummaryAsync(Q1);

        var beat = Assert.Single(summary.Beats);
        Assert.Equal("Harborough North", beat.Name);
        Assert.Equal(7, beat.Asb!.Current);
    }

    [Fact]
    public async Task A_later_import_spelling_a_beat_or_crime_type_differently_joins_the_first_spelling()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("april.csv", Lines(Header, "2023-04,Harborough North,Crime,Criminal Damage,Street,N,2")));
        await db.ImportOkAsync(db.WriteFile("may.csv", Lines(Header, "2023-05,HARBOROUGH NORTH ,Crime, criminal damage,Street,N,3")));

        var summary = await db.Figures.GetSummaryAsync(Q1);

        Assert.Equal(5, Assert.Single(summary.Beats, b => b.Name == "Harborough North").Crime!.Current);
        Assert.Equal(5, Assert.Single(summary.CrimeTypes, t => t.Name == "Criminal Damage").Current);
        Assert.Single(summary.Beats);
        Assert.Single(summary.CrimeTypes);
    }

    [Fact]
    public async Task Several_files_at_once_are_one_import()
    {
        await using var db = await CreateAsync();
        var q1Last = db.WriteFile("2022-23-Q1.csv", Lines(Header,
            "2022-04,Harborough North,ASB,,,,10", "2022-05,Harborough North,ASB,,,,11", "2022-06,Harborough North,ASB,,,,12"));
        var q1This = db.WriteFile("2023-24-Q1.csv", Lines(Header,
            "2023-04,Harborough North,ASB,,,,7", "2023-05,Harborough North,ASB,,,,8", "2023-06,Harborough North,ASB,,,,9"));

        var report = await db.ImportOkAsync(q1Last, q1This);

        Assert.NotNull(report.ImportId);
        Assert.Equal(["2022-23-Q1.csv", "2023-24-Q1.csv"], report.Files.Select(f => f.FileName));
        Assert.All(report.Files, f => Assert.Equal(3, f.RowsKept));
        Assert.Equal(6, report.RowsKept);
        Assert.Equal([M("2022-04"), M("2022-05"), M("2022-06"), M("2023-04"), M("2023-05"), M("2023-06")], report.Months.Select(m => m.Month));
        var summary = await db.Figures.GetSummaryAsync(Q1);
        Assert.True(summary.DataComplete);
        Assert.Equal(24, summary.Asb!.Current);
        Assert.Equal(33, summary.Asb.Previous);
        Assert.Single(await ImportHistory.ListAsync(db.DbFactory));
    }

    [Fact]
    public async Task Columns_the_dashboard_does_not_use_are_named_in_a_warning()
    {
        await using var db = await CreateAsync();
        var report = await db.ImportOkAsync(db.WriteFile("w.csv", Lines(
            "Month,Beat,Officer,Category,Reference",
            "2023-04,Harborough North,PC 123,ASB,X1")));

        var warning = Assert.Single(report.Warnings);
        Assert.Contains("w.csv", warning);
        Assert.Contains("Officer", warning);
        Assert.Contains("Reference", warning);
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
