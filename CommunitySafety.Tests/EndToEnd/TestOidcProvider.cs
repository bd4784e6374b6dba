using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on the loopback address, for the organisation sign-in tests: the
/// authorization code flow with PKCE, one confidential client (the dashboard), and one person who is signed in at
/// once, with an email, a name and a "groups" claim, as Microsoft Entra ID sends them.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "community-safety-dashboard";
    public const string ClientSecret = "test-client-secret-made-for-this-test";

    private readonly WebApplication _app;
    private readonly string _folder;

    private TestOidcProvider(WebApplication app, string authority, string folder) => (_app, Authority, _folder) = (app, authority, folder);

    public string Authority { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the provider on <paramref name="port"/>; the person it signs in is in <paramref name="group"/>.</summary>
    public static async Task<TestOidcProvider> StartAsync(int port, string redirectUri, string email, string name, string group)
    {
        var folder = Path.Combine(Path.GetTempPath(), "csd-oidc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(options =>
        {
            options.UseSqlite($"Data Source={Path.Combine(folder, "provider.db")}");
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                options.DisableAccessTokenEncryption();
                options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { new Uri(redirectUri) },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Email,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        // The person is signed in at once: no sign-in form of the provider's own is needed for the test.
        app.MapMethods("connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, "person-1").SetClaim(Claims.Email, email).SetClaim(Claims.Name, name);
            identity.AddClaim(new Claim("groups", group));
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        return new TestOidcProvider(app, $"http://127.0.0.1:{port}/", folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}

/// <summary>The dashboard with organisation sign-in pointed at a <see cref="TestOidcProvider"/> whose "csp-analysts" group maps to Analyst.</summary>
public sealed class OidcDashboardServer : DashboardServer
{
    public const string Email = "orla.organisation@council.example";
    public const string Name = "Orla Organisation";

    private readonly int _providerPort = TestOidcProvider.FreePort();
    private TestOidcProvider? _provider;

    public OidcDashboardServer()
    {
        Settings["Authentication__Oidc__Authority"] = $"http://127.0.0.1:{_providerPort}/";
        Settings["Authentication__Oidc__ClientId"] = TestOidcProvider.ClientId;
        Settings["Authentication__Oidc__ClientSecret"] = TestOidcProvider.ClientSecret;
        Settings["Authentication__Oidc__RequireHttpsMetadata"] = "false";
        Settings["Authentication__Oidc__RoleClaim"] = "groups";
        Settings["Authentication__Oidc__RoleMap__csp-analysts"] = "Analyst";
        Settings["Access__AnonymousViewing"] = "false";
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _provider = await TestOidcProvider.StartAsync(_providerPort, $"{BaseUrl}/signin-oidc", Email, Name, "csp-analysts");
    }

    public override async Task DisposeAsync()
    {
        if (_provider is not null) await _provider.DisposeAsync();
        await base.DisposeAsync();
    }
}
