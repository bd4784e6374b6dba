using System.Net;
using System.Reflection;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Tests.Access;

/// <summary>
/// Every page route (found by reflection over the app's components) and every endpoint (from the app's own endpoint
/// data source) against the rule table below, for no one (with anonymous viewing on and off) and for each role,
/// through the real app in memory: a new page or endpoint without a rule here fails the test. People are real
/// accounts authenticated by their API keys, so the app's own authentication and policies decide.
/// </summary>
public sealed class RouteAccessTests : IAsyncLifetime
{
    /// <summary>Who may use a route.</summary>
    public enum Rule { Anyone, View, Import, Manage, Admin, SignedIn, EditReturns }

    /// <summary>The rules, by route as the app declares it ("GET /api/summary" for endpoints, the @page text for pages).</summary>
    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["page /"] = Rule.View,
        ["page /beats"] = Rule.View,
        ["page /beats/{Name}"] = Rule.View,
        ["page /crime-types"] = Rule.View,
        ["page /compare"] = Rule.View,
        ["page /action-plan"] = Rule.View,
        ["page /action-plan/return"] = Rule.View,
        ["page /action-plan/files"] = Rule.View,
        ["page /action-plan/measures"] = Rule.View,
        ["page /action-plan/edit"] = Rule.Manage,
        ["page /my-actions"] = Rule.EditReturns,
        ["page /meeting"] = Rule.View,
        ["page /report"] = Rule.View,
        ["page /imports"] = Rule.Import,
        ["page /admin/users"] = Rule.Admin,
        ["page /admin/audit"] = Rule.Admin,
        ["page /Account/Manage"] = Rule.SignedIn,
        ["page /Account/Login"] = Rule.Anyone,
        ["page /Account/AccessDenied"] = Rule.Anyone,
        ["page /Account/ForgotPassword"] = Rule.Anyone,
        ["page /Account/ResetPassword"] = Rule.Anyone,
        ["page /Account/SetUp"] = Rule.Anyone,
        ["page /not-found"] = Rule.Anyone,
        ["page /Error"] = Rule.Anyone,
        ["GET /api/summary"] = Rule.View,
        ["GET /api/trends"] = Rule.View,
        ["GET /api/compare"] = Rule.View,
        ["GET /api/report.pdf"] = Rule.View,
        ["GET /api/action-plan/return.xlsx"] = Rule.View,
        ["GET /api/action-plan/return.csv"] = Rule.View,
        ["GET /api/action-plan"] = Rule.View,
        ["GET /api/action-plan/plan.docx"] = Rule.View,
        ["GET /api/action-plan/plan.xlsx"] = Rule.View,
        ["GET /api/action-plan/plan.json"] = Rule.View,
        ["POST /api/action-plan/import"] = Rule.Manage,
        ["GET /imports/error-report/{id:guid}"] = Rule.Import,
        ["POST /api/imports"] = Rule.Import,
        ["GET /api/audit.csv"] = Rule.Admin,
        ["POST /Account/Logout"] = Rule.Anyone,
        ["GET /Account/OrganisationSignIn"] = Rule.Anyone,
        ["GET /Account/OrganisationSignIn/Done"] = Rule.Anyone,
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csd-routes-" + Guid.NewGuid().ToString("N"));
    private Dashboard _closed = null!;
    private Dashboard _open = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _closed = new Dashboard(Path.Combine(_folder, "closed.db"), anonymousViewing: false);
        _open = new Dashboard(Path.Combine(_folder, "open.db"), anonymousViewing: true);
        await _closed.AddPeopleAsync();
    }

    public async Task DisposeAsync()
    {
        await _closed.DisposeAsync();
        await _open.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Every_page_and_endpoint_declares_its_rule_and_has_a_row_in_the_table()
    {
        var routes = Routes(_closed);
        var missing = routes.Where(r => !Rules.ContainsKey(r.Key)).Select(r => r.Key).ToList();
        Assert.True(missing.Count == 0, $"Give these routes a rule here and on the route itself: {string.Join(", ", missing)}");
        var gone = Rules.Keys.Except(routes.Select(r => r.Key)).ToList();
        Assert.True(gone.Count == 0, $"These rules name routes the app no longer has: {string.Join(", ", gone)}");
        var undeclared = routes.Where(r => !r.Declared).Select(r => r.Key).ToList();
        Assert.True(undeclared.Count == 0, $"These routes declare neither [Authorize(Policy = ...)] nor [AllowAnonymous]: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public async Task Every_route_allows_and_refuses_whom_its_rule_says()
    {
        var people = new List<(string Who, Dashboard App, string? Role)>
        {
            ("no one, anonymous viewing off", _closed, null),
            ("no one, anonymous viewing on", _open, null),
        };
        people.AddRange(Roles.All.Select(role => ($"{(role is Roles.Admin or Roles.Analyst ? "an" : "a")} {role}", _closed, (string?)role)));

        var wrong = new List<string>();
        foreach (var route in Routes(_closed))
        {
            var rule = Rules[route.Key];
            foreach (var (who, app, role) in people)
            {
                var expected = Allowed(rule, role, app == _open);
                var (allowed, status) = await TryAsync(app, route, role);
                if (allowed != expected) wrong.Add($"{route.Key} for {who}: {(allowed ? "allowed" : "refused")} ({status}), expected {(expected ? "allowed" : "refused")}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static bool Allowed(Rule rule, string? role, bool anonymousViewing) => rule switch
    {
        Rule.Anyone => true,
        Rule.View => anonymousViewing || role is not null,
        Rule.Import => role is Roles.Analyst or Roles.Manager,
        Rule.Manage => role is Roles.Manager,
        Rule.Admin => role is Roles.Admin,
        Rule.SignedIn => role is not null,
        Rule.EditReturns => role is Roles.Lead or Roles.Manager,
        _ => false,
    };

    /// <summary>Refused is 401, 403, or a redirect to the sign-in or access-denied page; anything else got past the rule.</summary>
    private static async Task<(bool Allowed, string Status)> TryAsync(Dashboard app, Route route, string? role)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", app.Keys[role]);
        var url = route.Pattern.Replace("{Name}", "Harborough%20North").Replace("{id:guid}", Guid.NewGuid().ToString("N"));
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), url);
        if (route.Method == "POST") request.Content = new StringContent("");
        using var response = await client.SendAsync(request);
        var location = response.Headers.Location?.OriginalString ?? "";
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                      || (response.StatusCode == HttpStatusCode.Redirect
                          && (location.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal) || location.Contains("/Account/AccessDenied", StringComparison.Ordinal)));
        return (!refused, $"{(int)response.StatusCode} {location}".Trim());
    }

    private sealed record Route(string Key, string Method, string Pattern, bool Declared);

    /// <summary>The pages by reflection over the app's components, the endpoints from its endpoint data source.</summary>
    private static List<Route> Routes(Dashboard app)
    {
        var pages = typeof(CommunitySafety.Dashboard.WebApp).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => new Route(
                $"page {r.Template}", "GET", r.Template,
                t.GetCustomAttributes<AuthorizeAttribute>(true).Any(a => a.Policy is not null) || t.GetCustomAttribute<AllowAnonymousAttribute>(true) is not null)));
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null && !(e.RoutePattern.RawText ?? "").StartsWith("/_", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                $"{method} {e.RoutePattern.RawText}", method, e.RoutePattern.RawText!,
                e.Metadata.GetMetadata<IAuthorizeData>() is { Policy: not null } || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)));
        return pages.Concat(endpoints).GroupBy(r => r.Key).Select(g => g.First()).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The real web app on its own database, without sample data, with one account and API key per role.</summary>
    private sealed class Dashboard(string databasePath, bool anonymousViewing) : WebApplicationFactory<Program>
    {
        public Dictionary<string, string> Keys { get; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CommunitySafety", $"Data Source={databasePath}");
            builder.UseSetting("SampleData:Enabled", "false");
            builder.UseSetting("ActionPlan:LoadPlanFiles", "false");
            builder.UseSetting("Access:AnonymousViewing", anonymousViewing ? "true" : "false");
            builder.UseSetting("Report:ChromiumPath", Path.Combine(Path.GetDirectoryName(databasePath)!, "no-chromium"));
        }

        public async Task AddPeopleAsync()
        {
            var accounts = Services.GetRequiredService<Accounts>();
            foreach (var role in Roles.All)
            {
                var email = $"{role.ToLowerInvariant()}@routes.example";
                var added = await accounts.AddAsync(email, [role], Secrets.NewPassword(), null, $"Route {role}", AuditActor.CommandLine);
                Assert.True(added.Done, added.Message);
                var key = await accounts.CreateApiKeyForEmailAsync(email, "routes", AuditActor.CommandLine);
                Keys[role] = key.Secret!;
            }
        }
    }
}
