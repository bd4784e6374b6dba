using System.Text.Json;

namespace CommunitySafety.Tests.Hosting;

/// <summary>
/// The runtime settings the dashboard's memory per open page was measured with (README, "Live pages"): they live in
/// its runtimeconfig.json, so `dotnet run`, the published app and the service all start with them.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void The_dashboard_runs_with_the_workstation_collector_and_without_dynamic_pgo()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CommunitySafety.Dashboard.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }
}
