using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using CommunitySafety.Tests.Data.Import;

namespace CommunitySafety.Tests.Cli;

/// <summary>
/// The same sample data, imported quarter by quarter through the command line into SQLite and into PostgreSQL (chosen
/// by --provider and --connection alone), gives byte-identical `summary --json` for every quarter of every year in it.
/// </summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SameFiguresOnBothProvidersTests
{
    private static Task<CommandLineRun> RunAsync(params string[] args) => InProcessCommandLine.RunAsync(args);

    [Fact]
    public async Task Summary_json_is_byte_identical_on_sqlite_and_postgresql_for_every_quarter_of_the_sample_data()
    {
        await using var sqlite = await TestDatabase.CreateAsync();
        await using var postgreSql = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        string[] onSqlite = ["--db", sqlite.DatabasePath];
        string[] onPostgreSql = ["--provider", "PostgreSQL", "--connection", postgreSql.ConnectionString];

        var files = Directory.GetFiles(SampleDataImport.Folder, "*.csv").Order(StringComparer.Ordinal).ToList();
        // Each quarter on its own, then one quarter again with a changed count, so latest-wins is in the figures too.
        var resent = SampleDataImport.Changed(sqlite, "2022-23", 3, lines => [lines[0], .. lines.Skip(1).Select((l, i) => i == 0 ? Bump(l) : l)]);
        foreach (var file in files.Append(resent))
        {
            Assert.Equal(0, (await RunAsync(["import", file, .. onSqlite])).ExitCode);
            var imported = await RunAsync(["import", file, .. onPostgreSql]);
            Assert.True(imported.ExitCode == 0, imported.Error);
        }

        var years = files.Select(f => Path.GetFileNameWithoutExtension(f).Split('-')[^3] + "-" + Path.GetFileNameWithoutExtension(f).Split('-')[^2]).Distinct().ToList();
        Assert.Equal(["2019-20", "2020-21", "2021-22", "2022-23", "2023-24"], years);
        var compared = 0;
        foreach (var year in years)
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                string[] summary = ["summary", "--year", year, "--quarter", quarter.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json"];
                var fromSqlite = await RunAsync([.. summary, .. onSqlite]);
                var fromPostgreSql = await RunAsync([.. summary, .. onPostgreSql]);
                Assert.Equal(fromSqlite.ExitCode, fromPostgreSql.ExitCode);
                Assert.True(fromSqlite.Out == fromPostgreSql.Out, $"{year} Q{quarter} differs:\n{FirstDifference(fromSqlite.Out, fromPostgreSql.Out)}");
                Assert.Equal(fromSqlite.Error, fromPostgreSql.Error);
                if (fromSqlite.ExitCode == 0) compared++;
            }
        Assert.True(compared >= 18, $"only {compared} quarters had figures to compare");
    }

    /// <summary>The line's last field (its count) one higher.</summary>
    private static string Bump(string line)
    {
        var comma = line.LastIndexOf(',');
        return line[..(comma + 1)] + (int.Parse(line[(comma + 1)..], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string FirstDifference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at]) at++;
        var from = Math.Max(0, at - 200);
        return $"SQLite:     ...{a[from..Math.Min(a.Length, at + 200)]}\nPostgreSQL: ...{b[from..Math.Min(b.Length, at + 200)]}";
    }
}
