using CommunitySafety.Data;
using static CommunitySafety.Tests.TestMonths;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data.Import;

public class DataQualityTests
{
    [Fact]
    public async Task Re_importing_the_sample_quarters_as_they_are_raises_no_warning()
    {
        await using var database = await SampleDataImport.CreateAsync();
        foreach (var (year, quarter) in new[] { ("2023-24", 1), ("2023-24", 2), ("2022-23", 3) })
        {
            // A line ending changed, so the file is not identical to the one imported.
            var path = SampleDataImport.Changed(database, year, quarter, lines => lines);
            using var prepared = await SampleDataImport.PrepareAsync(database, path);

            Assert.True(prepared.IsReady, prepared.Report?.Message);
            Assert.Empty(prepared.Preview.QualityWarnings);
        }
    }

    [Fact]
    public async Task A_doubled_month_is_far_above_its_usual_range_and_says_against_what()
    {
        await using var database = await SampleDataImport.CreateAsync();
        var path = SampleDataImport.Changed(database, "2023-24", 2, lines => lines.Concat(lines.Skip(1).Where(l => l.StartsWith("2023-08,") && l.Contains(",ASB,"))));

        using var prepared = await SampleDataImport.PrepareAsync(database, path);

        var warning = Assert.Single(prepared.Preview.QualityWarnings);
        Assert.Equal(DataQualityKind.UnusualCount, warning.Kind);
        Assert.StartsWith("ASB in Aug 2023 is ", warning.Text);
        Assert.Contains("far above the usual: about ", warning.Text);
        Assert.Contains("was expected from the average of the 11 months before", warning.Text);
        Assert.Contains("and August's usual share of the year over 4 years", warning.Text);
        Assert.Contains("more. Check the file is not doubled", warning.Text);
    }

    [Fact]
    public async Task A_month_with_most_of_its_crime_missing_is_far_below()
    {
        await using var database = await SampleDataImport.CreateAsync();
        var path = SampleDataImport.Changed(database, "2023-24", 1,
            lines => lines.Where((l, i) => !(l.StartsWith("2023-05,") && l.Contains(",Crime,") && i % 3 != 0)));

        using var prepared = await SampleDataImport.PrepareAsync(database, path);

        Assert.Contains(prepared.Preview.QualityWarnings, w => w.Kind == DataQualityKind.UnusualCount
            && w.Text.StartsWith("Crime in May 2023 is ") && w.Text.Contains("far below the usual") && w.Text.Contains("fewer. Check the file is complete."));
    }

    [Fact]
    public async Task A_beat_left_out_of_an_extract_is_named_with_its_months()
    {
        await using var database = await SampleDataImport.CreateAsync();
        var path = SampleDataImport.Changed(database, "2023-24", 2, lines => lines.Where(l => !l.Contains(",Lutterworth Rural,")));

        using var prepared = await SampleDataImport.PrepareAsync(database, path);

        var warning = Assert.Single(prepared.Preview.QualityWarnings, w => w.Kind == DataQualityKind.BeatWithoutRows);
        Assert.Equal("Lutterworth Rural has no rows for Jul 2023 to Sep 2023, though it had some in every one of the 12 months with data in the year before. " +
                     "Check the extract covers every beat.", warning.Text);
    }

    [Fact]
    public async Task A_misspelt_beat_is_offered_as_the_known_beat_and_the_alias_is_applied_on_import()
    {
        await using var database = await SampleDataImport.CreateAsync();
        var path = SampleDataImport.Changed(database, "2023-24", 2, lines => lines.Select(l => l.Replace(",Harborough North,", ",Harboro North,")));
        var before = await database.MonthlyAsync("asb", "Harborough North");

        using var prepared = await SampleDataImport.PrepareAsync(database, path);
        Assert.Equal([new BeatSuggestion("Harboro North", "Harborough North")], prepared.Preview.BeatSuggestions);
        Assert.Equal(["Harboro North"], prepared.Preview.NewBeats);
        Assert.Contains(prepared.Preview.QualityWarnings, w => w.Text == "\"Harboro North\" is a new beat name that looks like a misspelling of \"Harborough North\".");

        var report = await database.Importer.CommitAsync(prepared, new Dictionary<string, string> { ["Harboro North"] = "Harborough North" });

        Assert.Equal(ImportOutcome.Imported, report.Outcome);
        Assert.Contains("\"Harboro North\" was imported as the known beat \"Harborough North\".", report.Warnings);
        Assert.Equal(before, await database.MonthlyAsync("asb", "Harborough North"));
        var overview = await database.Figures.GetOverviewAsync();
        Assert.DoesNotContain("Harboro North", overview.Beats);
    }

    [Theory]
    [InlineData("Harborough South", "Harborough North")]
    [InlineData("Harborough 002", "Harborough 001")]
    [InlineData("Lutterworth Rural", "Lutterworth")]
    public void Different_names_are_not_taken_for_misspellings(string name, string known) =>
        Assert.Empty(DataQuality.Misspellings([name], [known]));

    [Theory]
    [InlineData("Harboro North")]
    [InlineData("harborugh north")]
    [InlineData("HarboroughNorth")]
    [InlineData("Harborough  Nroth")]
    public void Misspellings_of_one_word_or_of_spacing_are_found(string name) =>
        Assert.Equal("Harborough North", Assert.Single(DataQuality.Misspellings([name], ["Harborough North", "Harborough Town"])).KnownBeat);

    [Fact]
    public async Task Months_missing_between_the_last_import_and_this_one_are_named()
    {
        await using var database = await SampleDataImport.CreateAsync();
        var path = SampleDataImport.Changed(database, "2023-24", 2, lines => lines.Select(l => l.Replace("2023-07,", "2024-01,").Replace("2023-08,", "2024-02,").Replace("2023-09,", "2024-03,")));

        using var prepared = await SampleDataImport.PrepareAsync(database, path);

        Assert.Contains(prepared.Preview.QualityWarnings, w => w.Kind == DataQualityKind.MissingMonths
            && w.Text.StartsWith("There is no data for Oct 2023 to Dec 2023: the data before this import ends at Sep 2023 and this import starts at Jan 2024."));
    }

    [Fact]
    public async Task Columns_of_personal_data_are_named_in_a_warning_and_never_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        var path = database.WriteFile("q1.csv", TestDatabase.Lines(
            "Month,Beat,Category,Type,Victim Name,Date of Birth,Home Address,Count",
            "2023-04,Harborough North,Crime,Criminal Damage,Jane Smith,01/02/1980,1 High Street,1"));

        var report = await database.ImportOkAsync(path);

        Assert.Contains(report.Warnings, w => w.StartsWith("q1.csv: the columns Victim Name, Date of Birth, Home Address look like personal data")
                                              && w.Contains("They were not read or stored"));
        Assert.DoesNotContain("Jane Smith", await database.DumpAsync());
    }

    [Theory]
    [InlineData("Surname")]
    [InlineData("DOB")]
    [InlineData("Postcode")]
    [InlineData("Suspect name")]
    [InlineData("Email")]
    public void Personal_columns_are_recognised(string header) => Assert.Equal([header], PersonalDataColumns.Find(["Month", "Beat Name", header, "LSOA name"]));

    [Fact]
    public void A_run_of_months_reads_as_a_range() =>
        Assert.Equal("Apr 2023 to Jun 2023", Words.MonthRuns([new YearMonth(2023, 4), new YearMonth(2023, 5), new YearMonth(2023, 6)]));
}
