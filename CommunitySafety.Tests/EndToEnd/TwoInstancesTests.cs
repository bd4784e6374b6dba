using CommunitySafety.Tests.Data;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>One instance of the dashboard on a PostgreSQL database shared with another, and a folder shared too.</summary>
public sealed class PostgreSqlDashboardServer(string connectionString, string filesFolder) : DashboardServer
{
    protected override string DatabaseArguments => $"--provider PostgreSQL --connection {Quote(connectionString)}";

    protected override void SetDatabase(IDictionary<string, string?> environment)
    {
        environment["Database__Provider"] = "PostgreSQL";
        environment["ConnectionStrings__CommunitySafety"] = connectionString;
        environment["Files__Folder"] = filesFolder;
    }
}

/// <summary>Two instances on one PostgreSQL database, started one after the other (the first loads the sample data).</summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string _files = Directory.CreateTempSubdirectory("csd-two-instances-").FullName;
    private string _connectionString = "";

    public PostgreSqlDashboardServer First { get; private set; } = null!;
    public PostgreSqlDashboardServer Second { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await (await PostgreSqlServer.InstanceAsync()).CreateDatabaseAsync();
        First = new PostgreSqlDashboardServer(_connectionString, _files);
        await First.InitializeAsync();
        Second = new PostgreSqlDashboardServer(_connectionString, _files);
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Second is not null) await Second.DisposeAsync();
        if (First is not null) await First.DisposeAsync();
        await (await PostgreSqlServer.InstanceAsync()).DropDatabaseAsync(_connectionString);
        Directory.Delete(_files, recursive: true);
    }
}

/// <summary>An import on one machine reaches the open pages of both, pushed by PostgreSQL's LISTEN/NOTIFY.</summary>
[Collection(ChangingDataCollection.Name)]
public class TwoInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_command_line_import_reaches_pages_open_on_both_instances_within_two_seconds()
    {
        var onFirst = await instances.First.NewPageAsync();
        var onSecond = await instances.Second.NewPageAsync();
        foreach (var page in new[] { onFirst, onSecond })
        {
            await page.GotoAsync("/?year=2023-24&quarter=3");
            await Expect(page.Locator(".incomplete-data")).ToContainTextAsync("Oct 2023, Nov 2023 and Dec 2023");
        }

        await instances.First.ImportTextAsync("harborough-beat-extract-2023-24-Q3.csv", LiveImportTests.Q3Extract());

        // Told within two seconds of the import's end on both, then redrawn with the new quarter.
        foreach (var page in new[] { onFirst, onSecond })
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("imported", new() { Timeout = 2000 });
        foreach (var page in new[] { onFirst, onSecond })
            await Expect(page.Locator(".incomplete-data")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Two_imports_started_on_the_two_instances_at_once_both_land_one_after_the_other()
    {
        // Months no other test here looks at: April and May 2024, one file from each machine.
        var april = Path.Combine(Path.GetTempPath(), $"april-2024-{Guid.NewGuid():N}.csv");
        var may = Path.Combine(Path.GetTempPath(), $"may-2024-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(april, "Month,Beat,Category,Count\n2024-04,Harborough Town,ASB,11\n");
        await File.WriteAllTextAsync(may, "Month,Beat,Category,Count\n2024-05,Harborough Town,ASB,13\n");
        try
        {
            var both = await Task.WhenAll(
                instances.First.RunCommandLineAsync("import", april),
                instances.Second.RunCommandLineAsync("import", may));
            Assert.All(both, run => Assert.True(run.ExitCode == 0, $"An import failed ({run.ExitCode}):\n{run.Output}"));

            var (exitCode, history) = await instances.Second.RunCommandLineAsync("imports", "--json");
            Assert.Equal(0, exitCode);
            using var imports = System.Text.Json.JsonDocument.Parse(history[history.IndexOf('[')..(history.LastIndexOf(']') + 1)]);
            var landed = imports.RootElement.EnumerateArray()
                .Where(i => i.GetRawText().Contains(Path.GetFileName(april), StringComparison.Ordinal) || i.GetRawText().Contains(Path.GetFileName(may), StringComparison.Ordinal))
                .ToList();
            Assert.Equal(2, landed.Count);
            Assert.All(landed, i => Assert.Contains("committed", i.GetRawText(), StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            File.Delete(april);
            File.Delete(may);
        }
    }
}
