using CommunitySafety.Data.Access;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CommunitySafety.Dashboard.Services.Access;

/// <summary>
/// With no users at all, the web app prints a one-time link to its console at start: whoever can read the server's
/// console creates the first Admin with it. There is no default password anywhere.
/// </summary>
public static class FirstAdmin
{
    public const string SetUpPath = "/Account/SetUp";

    public static async Task PrintSetUpLinkIfNoUsersAsync(WebApplication app)
    {
        var accounts = app.Services.GetRequiredService<Accounts>();
        var token = await accounts.CreateFirstAdminLinkAsync();
        if (token is null) return;
        // The address is known once the server listens.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var baseUrl = (addresses.FirstOrDefault() ?? WebApp.DefaultUrl).Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").TrimEnd('/');
            Console.WriteLine();
            Console.WriteLine("There are no users yet. Create the first Admin with this one-time link (it works once, within 24 hours):");
            Console.WriteLine($"  {baseUrl}{SetUpPath}?token={token}");
            Console.WriteLine("or on the command line: users add --email you@example.org --role Admin");
            Console.WriteLine();
        });
    }
}
