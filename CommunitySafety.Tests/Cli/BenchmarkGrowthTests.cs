using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunitySafety.Tests.Data;
using CommunitySafety.Tests.EndToEnd;
using Npgsql;

namespace CommunitySafety.Tests.Cli;

/// <summary>
/// `benchmark-growth` with tiny numbers, on SQLite and on PostgreSQL: each year's import and the grown database's summary
/// are measured (the summary's counts are the files' own), and PostgreSQL's scratch databases are dropped after. The
/// verb runs as its own program, as it is used, because it starts itself again for each step. Not a timed test.
/// </summary>
public sealed class BenchmarkGrowthTests
{
    private const int Rows = 2000;
    private static readonly string[] Tiny = ["benchmark-growth", "--rows", $"{Rows}", "--years", "2", "--beats", "5"];

    [Fact]
    public async Task On_sqlite_the_json_has_each_import_and_the_summarys_timings()
    {
        var output = await RunAsync([.. Tiny, "--json"]);

        AssertMeasured(output, "SQLite");
    }

    [Fact]
    public async Task On_postgresql_the_json_has_each_import_and_the_summarys_timings_and_no_scratch_database_is_left()
    {
        var server = await PostgreSqlServer.InstanceAsync();

        var output = await RunAsync([.. Tiny, "--json", "--provider", "PostgreSQL", "--connection", server.ConnectionString("postgres")]);

        AssertMeasured(output, "PostgreSQL");
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'communitysafety_growth_%'", connection);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_printed_report_has_a_line_for_each_of_the_summarys_timings()
    {
        var output = await RunAsync(Tiny);

        Assert.Contains("benchmark-growth on SQLite: 2 years of", output);
        Assert.Matches(new Regex(@"Summary of the grown database \(4.000 incidents in [\d.,]+ stored facts\), Q4 2014-15 year to date \(2.000 incidents\)"), output);
        Assert.True(Number(output, @"first answer in a fresh process:\s+([\d.,]+) ms") > 0, output);
        Assert.True(Number(output, @"200 answers, one after another:\s+p50 [\d.,]+ ms\s+p95 [\d.,]+ ms\s+max ([\d.,]+) ms") > 0, output);
        Assert.True(Number(output, @"20 callers at once, 10 answers each:\s+p95 [\d.,]+ ms\s+max ([\d.,]+) ms") > 0, output);
        Assert.True(Number(output, @"first answer reading everything again \(3 times, as an instance starting\):\s+([\d.,]+) /") > 0, output);
        Assert.True(Number(output, @"first answer after a one-month import \(3 times\):\s+([\d.,]+) /") > 0, output);
        Assert.True(Number(output, @"of which reading the live facts:\s+([\d.,]+) ms") > 0, output);
        Assert.True(Number(output, @"peak working set:\s+([\d.,]+) MB") > 0, output);
        Assert.True(Number(output, @"live heap, the live data held once:\s+([\d.,]+) MB") > 0, output);
    }

    private static void AssertMeasured(string output, string provider)
    {
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(provider, root.GetProperty("provider").GetString());
        Assert.Equal(Rows, root.GetProperty("rows").GetInt32());
        var years = root.GetProperty("years").EnumerateArray().ToList();
        Assert.Equal(["2014", "2015"], years.Select(y => y.GetProperty("year").GetString()));
        foreach (var step in years.Append(root.GetProperty("emptyDatabase")))
        {
            Assert.True(step.GetProperty("seconds").GetDouble() > 0);
            Assert.True(step.GetProperty("peakWorkingSetMb").GetDouble() > 0);
            Assert.True(step.GetProperty("databaseMb").GetDouble() > 0);
        }

        var summary = root.GetProperty("summary");
        Assert.Equal("2014-15", summary.GetProperty("financialYear").GetString());
        Assert.Equal(4, summary.GetProperty("quarter").GetInt32());
        Assert.Equal(2L * Rows, summary.GetProperty("storedIncidents").GetInt64());
        Assert.True(summary.GetProperty("storedFacts").GetInt32() > 0);
        Assert.Equal(Rows, summary.GetProperty("yearToDateIncidents").GetInt32()); // April 2014 to March 2015: twelve months of rows
        Assert.True(summary.GetProperty("firstAnswerMs").GetDouble() > 0);
        Assert.Equal(200, summary.GetProperty("warmAnswers").GetInt32());
        var (p50, p95, max) = (summary.GetProperty("warmP50Ms").GetDouble(), summary.GetProperty("warmP95Ms").GetDouble(), summary.GetProperty("warmMaxMs").GetDouble());
        Assert.True(0 <= p50 && p50 <= p95 && p95 <= max && max > 0, $"p50 {p50}, p95 {p95}, max {max}");
        Assert.Equal(20, summary.GetProperty("concurrentCallers").GetInt32());
        var (concurrentP95, concurrentMax) = (summary.GetProperty("concurrentP95Ms").GetDouble(), summary.GetProperty("concurrentMaxMs").GetDouble());
        Assert.True(0 <= concurrentP95 && concurrentP95 <= concurrentMax && concurrentMax > 0, $"p95 {concurrentP95}, max {concurrentMax}");
        foreach (var name in new[] { "afterFullReadMs", "afterMonthImportMs" })
        {
            var times = summary.GetProperty(name).EnumerateArray().Select(t => t.GetDouble()).ToList();
            Assert.Equal(3, times.Count);
            Assert.All(times, t => Assert.True(t > 0));
        }
        var peak = summary.GetProperty("peakWorkingSetMb").GetDouble();
        Assert.True(peak > 0 && summary.GetProperty("peakWorkingSetWithReloadsMb").GetDouble() >= peak);
        Assert.True(summary.GetProperty("readLiveFactsMs").GetDouble() > 0);
        Assert.True(summary.GetProperty("liveHeapMb").GetDouble() > 0);
    }

    private static double Number(string output, string pattern)
    {
        var match = Regex.Match(output, pattern);
        Assert.True(match.Success, $"'{pattern}' is not in:\n{output}");
        return double.Parse(match.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The dashboard's program with <paramref name="args"/>; its standard output once it has exited with 0.</summary>
    private static async Task<string> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(DashboardServer.DashboardDll);
        foreach (var word in args) start.ArgumentList.Add(word);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(5)); // a busy machine's worst, not a timing
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{await output}\n{await error}");
        return await output;
    }
}
