using System.Net;
using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Data;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Theory]
    [InlineData("127.0.0.1", null, "https", "203.0.113.9")]
    [InlineData("10.0.0.5", null, "http", "10.0.0.5")]
    [InlineData("10.0.0.5", "10.0.0.5", "https", "203.0.113.9")]
    public async Task Forwarded_headers_change_the_scheme_and_address_only_when_the_request_comes_from_a_known_proxy(
        string from, string? knownProxies, string expectedScheme, string expectedAddress)
    {
        var configuration = knownProxies is null ? Settings() : Settings((ProxyHeaders.KnownProxiesSetting, knownProxies));
        await using var services = new ServiceCollection().AddLogging().AddProxyHeaders(configuration).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Scheme = "http";
        context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, services.GetRequiredService<ILoggerFactory>(),
            services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());

        await middleware.Invoke(context);

        Assert.Equal(expectedScheme, context.Request.Scheme);
        Assert.Equal(expectedAddress, context.Connection.RemoteIpAddress?.ToString());
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
