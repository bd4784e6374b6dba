using System.Net;
using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Data;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Tests.Hosting;

public class HostingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public async Task Health_is_healthy_on_a_prepared_database_and_unhealthy_on_one_whose_schema_is_behind()
    {
        await using var prepared = await TestDatabase.CreateAsync();
        var healthy = await new DatabaseHealthCheck(prepared.DbFactory, NullLogger<DatabaseHealthCheck>.Instance).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Healthy, healthy.Status);

        var folder = Directory.CreateTempSubdirectory("community-safety-health-").FullName;
        try
        {
            var connectionString = $"Data Source={Path.Combine(folder, "old.db")}";
            await using var services = new ServiceCollection().AddCommunitySafetyData(new DataSettings(connectionString)).BuildServiceProvider();
            var factory = services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();
            var check = new DatabaseHealthCheck(factory, NullLogger<DatabaseHealthCheck>.Instance);

            var missing = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Unhealthy, missing.Status);
            Assert.Equal("The database cannot be opened.", missing.Description);

            // A database file from before the schema this build expects.
            using var connection = new SqliteConnection(Database.NormalizeConnectionString(connectionString));
            connection.Open();
            using (var create = connection.CreateCommand())
            {
                create.CommandText = "CREATE TABLE Older (Id INTEGER PRIMARY KEY)";
                create.ExecuteNonQuery();
            }
            connection.Close();
            var behind = await check.CheckHealthAsync(new HealthCheckContext());
            Assert.Equal(HealthStatus.Unhealthy, behind.Status);
            Assert.StartsWith("The database's schema is behind this build:", behind.Description);
            SqliteConnection.ClearPool(connection);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Forwarded_headers_are_believed_from_loopback_unless_the_setting_names_the_proxies()
    {
        Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], ProxyHeaders.KnownProxies(Settings()));
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")],
            ProxyHeaders.KnownProxies(Settings((ProxyHeaders.KnownProxiesSetting, "10.0.0.5, 10.0.0.6"))));
        Assert.Equal([IPAddress.Parse("10.0.0.7")],
            ProxyHeaders.KnownProxies(Settings((ProxyHeaders.KnownProxiesSetting + ":0", "10.0.0.7"))));

        var wrong = Assert.Throws<InvalidOperationException>(() => ProxyHeaders.KnownProxies(Settings((ProxyHeaders.KnownProxiesSetting, "proxy.council.local"))));
        Assert.Equal("ForwardedHeaders:KnownProxies holds 'proxy.council.local', which is not an IP address.", wrong.Message);
    }

    [Fact]
    public void Keys_live_beside_the_database_unless_the_setting_names_a_folder()
    {
        Assert.Equal("/var/lib/community-safety/communitysafety-keys",
            KeyStorage.KeysFolder(Settings(), "Data Source=/var/lib/community-safety/communitysafety.db"));
        Assert.Equal("/srv/keys", KeyStorage.KeysFolder(Settings((KeyStorage.KeysFolderSetting, "/srv/keys")), "Data Source=/x/y.db"));
    }

    [Fact]
    public void Sign_in_attempts_for_one_account_stop_at_the_limit_whatever_the_spelling_and_others_are_not_affected()
    {
        using var accounts = new SignInAccounts(perFifteenMinutes: 3);
        for (var i = 0; i < 3; i++) Assert.True(accounts.TryAttempt(i == 1 ? " You@Council.gov.uk" : "you@council.gov.uk", out _));

        Assert.False(accounts.TryAttempt("YOU@council.gov.uk", out var retryAfter));
        Assert.True(retryAfter > TimeSpan.Zero);
        Assert.True(accounts.TryAttempt("someone.else@council.gov.uk", out _));
    }
}
