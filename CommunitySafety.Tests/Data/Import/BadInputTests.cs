using System.IO.Compression;
using System.Text;
using CommunitySafety.Data.Import;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>
/// Bad input is refused whole: Outcome Refused, the database exactly as it was (it already holds an import, so that
/// "nothing changed" is tested against real rows), and a message that names the problem and where it is.
/// </summary>
public class BadInputTests
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    /// <summary>A database that already holds one good import (Q1 2023-24), for comparing before and after.</summary>
    internal static async Task<TestDatabase> WithOneImportAsync()
    {
        var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("good.csv", Lines(Header,
            "2023-04,Harborough North,ASB,Nuisance,Street,N,10",
            "2023-05,Harborough North,Crime,Burglary,Dwelling,Y,3",
            "2023-06,Harborough Town,ASB,Nuisance,Street,N,7")));
        return db;
    }

    /// <summary>Imports <paramref name="paths"/>, checks it was refused and changed nothing, and returns the report.</summary>
    internal static async Task<ImportReport> RefusedAsync(TestDatabase db, params string[] paths)
    {
        var countsBefore = await db.CountRowsAsync();
        var dumpBefore = await db.DumpAsync();

        var report = await db.ImportAsync(paths);

        Assert.Equal(ImportOutcome.Refused, report.Outcome);
        Assert.Null(report.ImportId);
        Assert.Contains("nothing was changed", report.Message);
        Assert.NotEmpty(report.Errors);
        Assert.Equal(countsBefore, await db.CountRowsAsync());
        Assert.Equal(dumpBefore, await db.DumpAsync());
        return report;
    }

    private static async Task<ImportError> OneRowErrorAsync(string row, string name = "bad.csv")
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile(name, Lines(Header, "2023-07,Harborough North,ASB,,,,1", row)));
        var error = Assert.Single(report.Errors);
        Assert.Equal(name, error.File);
        Assert.Equal(3, error.Line);
        return error;
    }

    [Fact]
    public async Task Missing_columns_are_named_and_the_columns_found_listed()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("no-month.csv", Lines("Beat,Category,Type,Count", "Harborough North,ASB,,1")));

        var error = Assert.Single(report.Errors);
        Assert.Equal("no-month.csv", error.File);
        Assert.Contains("missing the column Month", error.Problem);
        Assert.Contains("Beat, Category, Type, Count", error.Problem);
    }

    [Fact]
    public async Task Missing_beat_and_category_columns_are_named_too()
    {
        // Without Beat and Category the header is not recognised as a beat extract at all; the analyst still
        // needs to be told which columns are missing, not only what a good header looks like.
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("q.csv", Lines("Month,Area,Offence,Count", "2023-07,Harborough North,Burglary,1")));

        var error = Assert.Single(report.Errors);
        Assert.Contains("Beat", error.Problem);
        Assert.Contains("Category", error.Problem);
        Assert.Matches("missing the columns? .*Beat", error.Problem);
        Assert.Contains("Month, Area, Offence, Count", error.Problem);
    }

    [Fact]
    public async Task A_police_uk_file_missing_its_crime_type_column_names_it()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("2023-07-leicestershire-street.csv", Lines(
            "Crime ID,Month,LSOA code,LSOA name", "x,2023-07,E01025780,Harborough 002A")));

        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("police.uk", problem);
        Assert.Contains("missing the column Crime type", problem);
        Assert.Contains("Crime ID, Month, LSOA code, LSOA name", problem);
    }

    [Fact]
    public async Task A_month_that_is_not_a_date_is_refused()
    {
        var error = await OneRowErrorAsync("2023-13,Harborough North,ASB,,,,1");
        Assert.Equal("Month", error.Column);
        Assert.Equal("2023-13", error.Value);
        Assert.Contains("2023-04", error.Problem);
    }

    [Theory]
    [InlineData("next month")]
    [InlineData("13/2023")]
    [InlineData("32/01/2023")]
    [InlineData("Smarch 2023")]
    [InlineData("")]
    public async Task Month_values_that_are_not_months_are_refused(string month)
    {
        var error = await OneRowErrorAsync($"{month},Harborough North,ASB,,,,1");
        Assert.Equal("Month", error.Column);
        Assert.Equal(month, error.Value);
    }

    [Fact]
    public async Task A_negative_count_is_refused()
    {
        var error = await OneRowErrorAsync("2023-07,Harborough North,ASB,,,,-2");
        Assert.Equal(("Count", "-2"), (error.Column, error.Value));
        Assert.Contains("0 or more", error.Problem);
    }

    [Theory]
    [InlineData("many")]
    [InlineData("2.5")]
    [InlineData("1e3")]
    public async Task A_count_that_is_not_a_whole_number_is_refused(string count)
    {
        var error = await OneRowErrorAsync($"2023-07,Harborough North,ASB,,,,{count}");
        Assert.Equal(("Count", count), (error.Column, error.Value));
        Assert.Contains("whole number", error.Problem);
    }

    [Fact]
    public async Task An_unknown_category_is_refused()
    {
        var error = await OneRowErrorAsync("2023-07,Harborough North,Traffic,,,,1");
        Assert.Equal(("Category", "Traffic"), (error.Column, error.Value));
        Assert.Contains("ASB", error.Problem);
        Assert.Contains("Crime", error.Problem);
        Assert.Contains("Incident", error.Problem);
    }

    [Fact]
    public async Task An_empty_beat_is_refused()
    {
        var error = await OneRowErrorAsync("2023-07,  ,ASB,,,,1");
        Assert.Equal("Beat", error.Column);
        Assert.Contains("beat", error.Problem);
    }

    [Fact]
    public async Task A_crime_with_no_type_is_refused()
    {
        var error = await OneRowErrorAsync("2023-07,Harborough North,Crime,,Street,N,1");
        Assert.Equal(("Type", ""), (error.Column, error.Value));
        Assert.Contains("crime type", error.Problem);
    }

    [Fact]
    public async Task A_crime_in_a_file_with_no_type_column_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("notype.csv", Lines("Month,Beat,Category", "2023-07,Harborough North,ASB", "2023-07,Harborough North,Crime")));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Type"), (error.Line, error.Column));
    }

    [Fact]
    public async Task A_bad_domestic_value_is_refused()
    {
        var error = await OneRowErrorAsync("2023-07,Harborough North,ASB,,,maybe,1");
        Assert.Equal(("Domestic", "maybe"), (error.Column, error.Value));
        Assert.Contains("Y/N", error.Problem);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteBytes("empty.csv", []));
        var error = Assert.Single(report.Errors);
        Assert.Equal("empty.csv", error.File);
        Assert.Contains("empty", error.Problem);
    }

    [Fact]
    public async Task A_file_of_blank_lines_is_refused_as_empty()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("blank.csv", "\r\n\r\n  \r\n"));
        Assert.Contains("empty", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_header_only_file_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("header.csv", Header + "\r\n"));
        var error = Assert.Single(report.Errors);
        Assert.Equal("header.csv", error.File);
        Assert.Contains("no data rows", error.Problem);
    }

    [Fact]
    public async Task A_binary_file_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteBytes("data.csv", [0x4D, 0x6F, 0x6E, 0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x20]));
        Assert.Contains("binary", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task An_excel_workbook_saved_with_a_csv_name_is_refused()
    {
        await using var db = await WithOneImportAsync();
        // An .xlsx is a zip: it starts with PK\x03\x04.
        var bytes = new MemoryStream();
        using (var zip = new ZipArchive(bytes, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open()))
            writer.Write("<workbook/>");
        var report = await RefusedAsync(db, db.WriteBytes("q2.csv", bytes.ToArray()));
        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("Excel", problem);
        Assert.Contains("CSV UTF-8", problem);
    }

    [Fact]
    public async Task A_web_page_saved_as_csv_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("2023-06-leicestershire-street.csv",
            "\uFEFF<!DOCTYPE html>\n<html><head><title>data.police.uk</title></head><body>Month,Beat</body></html>\n"));
        Assert.Contains("HTML", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_zip_with_no_street_files_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var zipPath = Path.Combine(db.Folder, "download.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "2023-06/2023-06-leicestershire-outcomes.csv", "2023-06/2023-06-leicestershire-stop-and-search.csv", "README.txt" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("Crime ID,Month\n1,2023-06\n");
            }
        }

        var report = await RefusedAsync(db, zipPath);

        var error = Assert.Single(report.Errors);
        Assert.Equal("download.zip", error.File);
        Assert.Contains("no police.uk street files", error.Problem);
    }

    [Fact]
    public async Task A_file_named_zip_that_is_not_one_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("download.zip", "Month,Beat,Category\n2023-07,Harborough North,ASB\n"));
        Assert.Contains("not a zip", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_file_with_a_broken_quote_is_refused_naming_the_line()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("quote.csv", Lines(Header,
            "2023-07,Harborough North,ASB,Nuisance,Street,N,1",
            "2023-07,\"Harborough North,ASB,Nuisance,Street,N,1",
            "2023-07,Harborough Town,ASB,Nuisance,Street,N,1")));

        var error = report.Errors[0];
        Assert.Equal("quote.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("quote", error.Problem);
    }

    [Fact]
    public async Task A_semicolon_separated_file_is_refused_with_advice()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("semi.csv", Lines("Month;Beat;Category", "2023-07;Harborough North;ASB")));
        Assert.Contains("semicolons", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_file_that_cannot_be_found_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, Path.Combine(db.Folder, "nowhere.csv"));
        var error = Assert.Single(report.Errors);
        Assert.Equal("nowhere.csv", error.File);
        Assert.Contains("cannot be found", error.Problem);
    }

    [Fact]
    public async Task A_police_uk_row_in_the_area_with_no_crime_type_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("2023-07-leicestershire-street.csv", Lines(
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
            ",2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025780,Harborough 002A,Anti-social behaviour,,",
            "x,2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025780,Harborough 002A,,,")));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Crime type"), (error.Line, error.Column));
    }

    [Fact]
    public async Task One_bad_file_refuses_the_good_files_imported_with_it()
    {
        await using var db = await WithOneImportAsync();
        var good = db.WriteFile("july.csv", Lines(Header, "2023-07,Harborough North,ASB,,,,5"));
        var bad = db.WriteFile("august.csv", Lines(Header, "2023-08,Harborough North,ASB,,,,-5"));

        var report = await RefusedAsync(db, good, bad);

        Assert.Equal("august.csv", Assert.Single(report.Errors).File);
        Assert.DoesNotContain("2023-07", (await db.MonthlyAsync("asb")).Keys);
    }

    [Fact]
    public async Task Every_row_error_is_reported_with_file_line_column_and_value()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("three-bad.csv", Lines(Header,
            "2023-07,Harborough North,ASB,,,,1",              // line 2: good
            "2023-7x,Harborough North,ASB,,,,1",              // line 3: month
            "2023-07,Harborough North,ASB,,,,1",              // line 4: good
            "2023-07,Harborough North,Crime,,,,1",            // line 5: crime with no type
            "2023-07,Harborough North,ASB,,,,1",              // line 6: good
            "2023-07,Harborough North,ASB,,,Perhaps,1")));    // line 7: domestic

        Assert.Equal(3, report.TotalErrors);
        Assert.Equal(
            [("three-bad.csv", 3, "Month", "2023-7x"), ("three-bad.csv", 5, "Type", ""), ("three-bad.csv", 7, "Domestic", "Perhaps")],
            report.Errors.Select(e => (e.File, e.Line!.Value, e.Column!, e.Value!)));
        Assert.Contains("3 problems", report.Message);
        Assert.Equal("three-bad.csv, line 3, column Month: found \"2023-7x\"; expected " + report.Errors[0].Problem + ".", report.Errors[0].ToString());
    }

    [Fact]
    public async Task Several_errors_in_one_row_are_each_reported()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("row.csv", Lines(Header, "someday,,Traffic,,,maybe,-1")));

        Assert.Equal(["Month", "Beat", "Category", "Domestic", "Count"], report.Errors.Select(e => e.Column!));
        Assert.All(report.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public async Task Line_numbers_are_physical_lines_after_a_quoted_newline()
    {
        await using var db = await WithOneImportAsync();
        // Line 2's Notes field runs onto line 3 and line 4; the bad row is the 3rd record but physical line 6.
        var file = db.WriteFile("notes.csv",
            Header + ",Notes\r\n" +                                                                   // line 1
            "2023-07,Harborough North,ASB,Nuisance,Street,N,1,\"Caller said:\r\n\"\"kids again\"\"\r\nsee log\"\r\n" + // lines 2-4
            "2023-07,Harborough North,ASB,Nuisance,Street,N,1,\r\n" +                                 // line 5
            "2023-07,Harborough North,ASB,Nuisance,Street,N,lots,\r\n" +                              // line 6: bad count
            "2023-07,Harborough North,Crime,,Street,N,1,\"two\nlines\"\r\n" +                         // lines 7-8: no type
            "2023-07,Harborough North,ASB,Nuisance,Street,X,1,\r\n");                                 // line 9: bad domestic

        var report = await RefusedAsync(db, file);

        Assert.Equal([(6, "Count", "lots"), (7, "Type", ""), (9, "Domestic", "X")],
            report.Errors.Select(e => (e.Line!.Value, e.Column!, e.Value!)));
    }

    [Fact]
    public async Task Line_numbers_count_blank_lines_too()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("gaps.csv",
            Header + "\n\n2023-07,Harborough North,ASB,,,,1\n\n\n2023-07,Harborough North,ASB,,,,x\n"));

        Assert.Equal(6, Assert.Single(report.Errors).Line);
    }

    [Fact]
    public async Task Errors_in_several_files_are_all_reported_each_with_its_own_file()
    {
        await using var db = await WithOneImportAsync();
        var a = db.WriteFile("a.csv", Lines(Header, "2023-07,Harborough North,Riot,,,,1"));
        var b = db.WriteFile("b.csv", Lines(Header, "2023-07,Harborough North,ASB,,,,1", "2023-08,Harborough North,ASB,,,,-1"));
        var c = db.WriteBytes("c.csv", []);

        var report = await RefusedAsync(db, a, b, c);

        Assert.Equal(3, report.TotalErrors);
        Assert.Equal([("a.csv", 2), ("b.csv", 3), ("c.csv", null)], report.Errors.Select(e => (e.File, e.Line)).OrderBy(e => e.File));
    }

    [Fact]
    public async Task A_bad_beat_map_is_refused_with_its_own_errors()
    {
        await using var db = await WithOneImportAsync();
        var map = db.WriteFile("map.csv", Lines("LSOA code,Beat", "E01025770,Market Harborough", "E01025771,"));
        var street = db.WriteFile("2023-07-leicestershire-street.csv", Lines(
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context",
            ",2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025770,Harborough 002A,Anti-social behaviour,,"));
        var countsBefore = await db.CountRowsAsync();

        var report = await db.ImportAsync([street], beatMap: map);

        Assert.Equal(ImportOutcome.Refused, report.Outcome);
        var error = Assert.Single(report.Errors);
        Assert.Equal(("map.csv", 3, "Beat"), (error.File, error.Line, error.Column));
        Assert.Equal(countsBefore, await db.CountRowsAsync());
    }

    [Fact]
    public async Task A_file_that_is_neither_format_says_what_each_format_needs()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("other.csv", Lines("Name,Address,Phone", "A,B,C")));
        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("Month, Beat and Category", problem);
        Assert.Contains("Name, Address, Phone", problem);
    }

    [Fact]
    public async Task Refused_values_are_reported_as_found_in_a_windows_1252_file()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        await using var db = await WithOneImportAsync();
        var file = db.WriteFile("excel.csv", Lines(Header, "2023-07,Café Beat,ASB,,,nön,1"), Encoding.GetEncoding(1252));

        var report = await RefusedAsync(db, file);

        Assert.Equal("nön", Assert.Single(report.Errors).Value);
    }

    [Theory]
    [InlineData("2,5")]
    [InlineData("1,2,3")]
    [InlineData("12,34")]
    public async Task A_decimal_comma_in_a_count_is_refused_not_read_as_thousands(string count)
    {
        var error = await OneRowErrorAsync($"2023-07,Harborough North,ASB,,,,\"{count}\"");
        Assert.Equal(("Count", count), (error.Column, error.Value));
    }

    [Fact]
    public async Task A_damaged_file_inside_a_zip_is_refused_with_a_sentence()
    {
        await using var db = await WithOneImportAsync();
        var zipPath = Path.Combine(db.Folder, "download.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        using (var writer = new StreamWriter(zip.CreateEntry("2023-07/2023-07-leicestershire-street.csv").Open()))
            for (var i = 0; i < 2000; i++)
                writer.WriteLine($"{i:x16},2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near High Street,E01025770,Harborough 002A,Burglary,Under investigation,");
        // Scramble the compressed bytes in the middle of the entry, leaving the zip's directory readable.
        var bytes = await File.ReadAllBytesAsync(zipPath);
        for (var i = 200; i < 600; i++) bytes[i] ^= 0x5A;
        await File.WriteAllBytesAsync(zipPath, bytes);

        var report = await RefusedAsync(db, zipPath);

        Assert.Contains("damaged", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_column_of_free_text_is_refused_rather_than_counted_as_types()
    {
        await using var db = await WithOneImportAsync();
        var rows = Enumerable.Range(0, 33_000).Select(i => $"2023-07,Harborough North,ASB,,{i} High Street,N,1");

        var report = await RefusedAsync(db, db.WriteFile("addresses.csv", Lines([Header, .. rows])));

        Assert.Contains("free text", Assert.Single(report.Errors).Problem);
    }
}
