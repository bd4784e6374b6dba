using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>Sign-in, roles, lock-out, API keys and the audit trail in a browser, on a server of their own (they add users and data).</summary>
[Collection(ChangingDataCollection.Name)]
public class AccessTests : IClassFixture<DashboardServer>
{
    private readonly DashboardServer server;

    public AccessTests(DashboardServer server)
    {
        this.server = server;
    }

    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    [Fact]
    public async Task An_analyst_signs_in_sees_their_name_imports_and_signs_out()
    {
        var page = await server.NewPageAsync(role: "Analyst");
        await page.GotoAsync("/?year=2023-24&quarter=1");
        await Expect(page.Locator("[data-testid=signed-in-name]")).ToHaveTextAsync("Test Analyst");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Imports" })).ToBeVisibleAsync();

        await page.GotoAsync("/imports");
        await page.Locator(".import-upload[data-ready=true]").WaitForAsync();
        await page.Locator("#import-files").SetInputFilesAsync(new FilePayload
        {
            Name = "jan-2024.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes($"{Header}\n2024-01,Harborough North,ASB,,,N,7\n"),
        });
        await page.Locator(".import-button").ClickAsync();
        await Expect(page.Locator(".import-done")).ToContainTextAsync("rows kept");
        await Expect(page.Locator(".history-entry").First).ToContainTextAsync("Test Analyst");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.Locator(".account-message")).ToHaveTextAsync("You have signed out.");
        await page.GotoAsync("/imports");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_viewer_is_not_offered_imports_and_is_refused_there()
    {
        var page = await server.NewPageAsync(role: "Viewer");
        await page.GotoAsync("/?year=2023-24&quarter=1");
        await Expect(page.Locator("[data-testid=signed-in-name]")).ToHaveTextAsync("Test Viewer");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Overview" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Imports" })).ToHaveCountAsync(0);

        await page.GotoAsync("/imports");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You cannot use this page" })).ToBeVisibleAsync();
        await Expect(page.Locator(".refused")).ToContainTextAsync("Your account does not have the role this page needs.");
        await Expect(page.Locator("#import-files")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_even_against_the_right_one()
    {
        const string email = "locked@test.example";
        var (exitCode, output) = await server.RunCommandLineWithInputAsync(server.TestPassword + "\n", "users", "add", "--email", email, "--role", "Viewer", "--password-stdin");
        Assert.True(exitCode == 0, output);

        var page = await server.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await SignInFormAsync(page, email, "not-the-password");
            await Expect(page.Locator("#login-problem")).ToContainTextAsync(attempt < 5 ? "The email or password is not right." : "locked for 15 minutes");
        }
        await SignInFormAsync(page, email, server.TestPassword);
        await Expect(page.Locator("#login-problem")).ToContainTextAsync("This account is locked for 15 minutes after 5 failed sign-ins.");

        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Kind == "lock-out" && e.What.Contains(email));
        Assert.Equal(4, audit.Count(e => e.Kind == "failed sign-in" && e.What.Contains(email)));
    }

    [Fact]
    public async Task An_api_key_imports_a_file_as_its_owner_and_a_revoked_key_is_refused()
    {
        await server.EnsureUserAsync("Analyst");
        var (exitCode, output) = await server.RunCommandLineAsync("users", "api-key", "--email", DashboardServer.TestEmail("Analyst"), "--name", "nightly job");
        Assert.True(exitCode == 0, output);
        var key = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("csd_", StringComparison.Ordinal));

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        async Task<HttpResponseMessage> PostAsync(string url, string csv)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "feb-2024.csv" } };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return await http.SendAsync(request);
        }

        using var refused = await PostAsync("/api/imports", $"{Header}\n2024-13,Harborough North,ASB,,,N,3\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(("feb-2024.csv", 2, "Month", "2024-13"), (error.GetProperty("file").GetString(), error.GetProperty("line").GetInt32(),
            error.GetProperty("column").GetString(), error.GetProperty("found").GetString()));
        Assert.StartsWith("a month such as", error.GetProperty("expected").GetString());

        var good = $"{Header}\n2024-02,Harborough North,ASB,,,N,3\n";
        using var preview = await PostAsync("/api/imports?dryRun=true", good);
        Assert.Equal("preview", JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement.GetProperty("outcome").GetString());
        using var imported = await PostAsync("/api/imports", good);
        var body = JsonDocument.Parse(await imported.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal("imported", body.GetProperty("outcome").GetString());
        var importId = body.GetProperty("importId").GetInt32();

        // The key's owner revokes it on their account page; the key then opens nothing.
        var page = await server.NewPageAsync(role: "Analyst");
        await page.GotoAsync("/Account/Manage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key nightly job" }).ClickAsync();
        await Expect(page.Locator(".account-message")).ToContainTextAsync("was revoked");
        using var afterRevoke = await PostAsync("/api/imports", $"{Header}\n2024-03,Harborough North,ASB,,,N,3\n");
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Contains("valid API key", await afterRevoke.Content.ReadAsStringAsync());

        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Kind == "import" && e.Person == "Test Analyst" && e.What.StartsWith($"Import {importId}:", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Kind == "API key use" && e.Outcome == "refused");
    }

    [Fact]
    public async Task Sign_in_an_import_and_a_return_edit_are_in_the_audit_trail_with_who_did_them()
    {
        var manager = await server.NewPageAsync(role: "Manager");
        await manager.GotoAsync("/action-plan/return?year=2023-24&quarter=2");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Edit the row for Campaigns" }).ClickAsync();
        await manager.GetByRole(AriaRole.Radio, new() { Name = "Green: achieved" }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the return" }).ClickAsync();
        await Expect(manager.Locator("tr.return-row[data-project='Campaigns'] .return-saved")).ToContainTextAsync("Saved by Test Manager");

        await server.ImportTextAsync("csd-audit.csv", $"{Header}\n2024-03,Harborough South,ASB,,,N,4\n");

        var audit = await AuditAsync();
        Assert.Contains(audit, e => e.Kind == "sign-in" && e.Person == "Test Manager" && e.Outcome == "done" && e.Ip is not null);
        Assert.Contains(audit, e => e.Kind == "return edit" && e.Person == "Test Manager" && e.What.Contains("Campaigns"));
        Assert.Contains(audit, e => e.Kind == "import" && e.Person.StartsWith("command line", StringComparison.Ordinal) && e.What.StartsWith("Import ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_account_pages_pass_axe()
    {
        var page = await server.NewPageAsync();
        foreach (var path in new[] { "/Account/Login", "/Account/ForgotPassword", "/Account/ResetPassword?token=unknown", "/Account/AccessDenied" })
        {
            await page.GotoAsync(path);
            await page.Locator("h1").WaitForAsync();
            await Accessibility.AssertNoViolationsAsync(page, path);
        }
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".field-problem").First).ToHaveTextAsync("Enter your email address.");
        await Accessibility.AssertNoViolationsAsync(page, "/Account/Login with its problems shown");

        var analyst = await server.NewPageAsync(role: "Analyst");
        await analyst.GotoAsync("/Account/Manage");
        await Expect(analyst.Locator(".account-roles")).ToHaveTextAsync("Analyst");
        await Accessibility.AssertNoViolationsAsync(analyst, "/Account/Manage");
    }

    private static async Task SignInFormAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#login-problem").WaitForAsync();
    }

    private sealed record Entry(string Person, string? Ip, string Kind, string What, string Outcome);

    private async Task<IReadOnlyList<Entry>> AuditAsync()
    {
        var (exitCode, output) = await server.RunCommandLineAsync("audit", "--json");
        Assert.True(exitCode == 0, output);
        return JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(e => new Entry(e.GetProperty("person").GetString()!, e.GetProperty("ip").GetString(), e.GetProperty("kind").GetString()!,
                e.GetProperty("what").GetString()!, e.GetProperty("outcome").GetString()!))
            .ToList();
    }
}
