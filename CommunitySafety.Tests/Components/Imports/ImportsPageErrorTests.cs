using System.IO.Compression;
using System.Text;
using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using Microsoft.AspNetCore.Components.Forms;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>
/// Every kind of bad file the import rules refuse, dropped on the Imports page: the page lists the problem in words
/// with its file, line and column, offers the error report, and the database is left exactly as it was.
/// </summary>
public sealed class ImportsPageErrorTests : ImportsPageTestContext
{
    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "missing columns", Csv("Month,Type,Count", "2023-04,Burglary,3"), "missing the columns Beat, Category" },
        { "a month that is not a date", Csv(Header, "2023-13,Harborough North,ASB,,,N,1"), "line 2, column Month: found \"2023-13\"" },
        { "a negative count", Csv(Header, "2023-04,Harborough North,ASB,,,N,-2"), "line 2, column Count: found \"-2\"" },
        { "a count that is not a number", Csv(Header, "2023-04,Harborough North,ASB,,,N,lots"), "line 2, column Count: found \"lots\"" },
        { "an unknown category", Csv(Header, "2023-04,Harborough North,Disorder,,,N,1"), "line 2, column Category: found \"Disorder\"" },
        { "an empty beat", Csv(Header, "2023-04,,ASB,,,N,1"), "line 2, column Beat" },
        { "a crime with no type", Csv(Header, "2023-04,Harborough North,Crime,,,N,1"), "line 2, column Type" },
        { "a bad domestic flag", Csv(Header, "2023-04,Harborough North,ASB,,,Maybe,1"), "line 2, column Domestic: found \"Maybe\"" },
        { "an empty file", "", "The file is empty." },
        { "a header-only file", Csv(Header), "header row but no data rows" },
        { "a binary file", "\0\u0001\u0002binary\0", "not a text file" },
        { "HTML saved as .csv", "<!DOCTYPE html><html><body>Not found</body></html>", "web page (HTML)" },
        { "a broken quote", Csv(Header, "2023-04,\"Harborough North,ASB,,,N,1", "2023-05,Harborough Town,ASB,,,N,1"), "line 2" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_on_the_page_with_its_reason_and_nothing_changes(string kind, string content, string expected)
    {
        var before = await Database.DumpAsync();
        var page = Render<ImportsPage>();

        Drop(page, InputFileContent.CreateFromText(content, $"{kind.Replace(' ', '-')}.csv"));

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find(".import-errors").TextContent), TimeSpan.FromSeconds(20));
        Assert.NotEmpty(page.FindAll(".error-report-link"));
        Assert.Equal(before, await Database.DumpAsync());
    }

    [Fact]
    public void Three_bad_rows_are_all_listed_with_their_lines()
    {
        var page = Render<ImportsPage>();
        var content = Csv(Header,
            "2023-04,Harborough North,ASB,,,N,1",
            "2023-04,Harborough North,Disorder,,,N,1",
            "2023-05,Harborough North,ASB,,,N,-1",
            "2023-13,Harborough North,ASB,,,N,1");

        Drop(page, InputFileContent.CreateFromText(content, "three-bad.csv"));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".import-error").Count), TimeSpan.FromSeconds(20));
        var errors = page.FindAll(".import-error").Select(e => e.TextContent).ToList();
        Assert.Contains("line 3, column Category", errors[0]);
        Assert.Contains("line 4, column Count", errors[1]);
        Assert.Contains("line 5, column Month", errors[2]);
    }

    [Fact]
    public async Task A_zip_with_no_street_files_is_refused_on_the_page()
    {
        var page = Render<ImportsPage>();
        var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = archive.CreateEntry("2023-06-leicestershire-outcomes.csv").Open())
                await entry.WriteAsync(Encoding.UTF8.GetBytes("Crime ID,Month\n"));

        Drop(page, InputFileContent.CreateFromBinary(zip.ToArray(), "download.zip"));

        page.WaitForAssertion(() => Assert.Contains("holds no police.uk street files", page.Find(".import-errors").TextContent), TimeSpan.FromSeconds(20));
    }

}
