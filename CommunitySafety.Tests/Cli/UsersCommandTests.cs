using System.Text.Json;
using CommunitySafety.Dashboard.Cli;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Cli;

/// <summary>The `users` and `audit` verbs, in-process on a temporary database (standard input and output swapped).</summary>
[Collection(nameof(ConsoleCollection))]
public class UsersCommandTests
{
    private static Task<CommandLineRun> RunAsync(string input, params string[] args) => InProcessCommandLine.RunWithInputAsync(input, args);

    private const string Password = "Correct-horse-7-battery";

    [Fact]
    public async Task Add_list_change_and_audit_a_person_with_the_right_exit_codes()
    {
        await using var db = await CreateAsync();
        var path = db.DatabasePath;

        var added = await RunAsync(Password + "\n", "users", "add", "--email", "sam@council.example", "--role", "analyst,lead", "--lead-name", "CS Team",
            "--name", "Sam Smith", "--password-stdin", "--db", path);
        Assert.Equal((0, "sam@council.example was added as Lead and Analyst."), (added.ExitCode, added.Out.Trim()));

        var again = await RunAsync(Password + "\n", "users", "add", "--email", "sam@council.example", "--role", "Viewer", "--password-stdin", "--db", path);
        Assert.Equal((1, "There is already an account for sam@council.example."), (again.ExitCode, again.Error.Trim()));

        var badRole = await RunAsync("", "users", "add", "--email", "x@council.example", "--role", "Boss", "--db", path);
        Assert.Equal(2, badRole.ExitCode);
        Assert.StartsWith("'Boss' is not a role: the roles are Viewer, Lead, Analyst, Manager or Admin.", badRole.Error);

        var weak = await RunAsync("short\n", "users", "add", "--email", "x@council.example", "--role", "Viewer", "--password-stdin", "--db", path);
        Assert.Equal(1, weak.ExitCode);
        Assert.StartsWith("The account for x@council.example was not added: Passwords must be at least 12 characters.", weak.Error);

        Assert.Equal(0, (await RunAsync("", "users", "set-roles", "--email", "sam@council.example", "--role", "Manager", "--db", path)).ExitCode);
        Assert.Equal(0, (await RunAsync("", "users", "disable", "--email", "sam@council.example", "--db", path)).ExitCode);
        var key = await RunAsync("", "users", "api-key", "--email", "sam@council.example", "--name", "nightly", "--db", path);
        Assert.Equal(0, key.ExitCode);
        Assert.Matches("(?m)^csd_[A-Za-z0-9_-]{43}$", key.Out);

        var list = await RunAsync("", "users", "list", "--json", "--db", path);
        var sam = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal(("Sam Smith", "CS Team", "Manager", true),
            (sam.GetProperty("name").GetString(), sam.GetProperty("leadName").GetString(), sam.GetProperty("roles")[0].GetString(), sam.GetProperty("disabled").GetBoolean()));

        var missing = await RunAsync("", "users", "disable", "--email", "nobody@council.example", "--db", path);
        Assert.Equal((1, "There is no account for nobody@council.example."), (missing.ExitCode, missing.Error.Trim()));

        var audit = await RunAsync("", "audit", "--since", "2024-01-01", "--json", "--db", path);
        Assert.Equal(0, audit.ExitCode);
        var whats = JsonDocument.Parse(audit.Out).RootElement.EnumerateArray().Select(e => e.GetProperty("what").GetString()).ToList();
        Assert.Equal(["API key \"nightly\" created for sam@council.example", "Disabled sam@council.example", "Roles of sam@council.example set to Manager",
            "Added sam@council.example as Lead and Analyst, lead name CS Team"], whats);

        Assert.Equal(2, (await RunAsync("", "audit", "--since", "last week", "--db", path)).ExitCode);
    }
}
