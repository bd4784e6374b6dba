using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>Organisation sign-in with OpenID Connect against a real provider on 127.0.0.1, anonymous viewing off.</summary>
[Collection(ChangingDataCollection.Name)]
public class OrganisationSignInTests : IClassFixture<OidcDashboardServer>
{
    private readonly OidcDashboardServer server;

    public OrganisationSignInTests(OidcDashboardServer server)
    {
        this.server = server;
    }

    [Fact]
    public async Task A_person_whose_group_maps_to_analyst_signs_in_with_their_organisation_and_imports()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/imports");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with your organisation account" }).ClickAsync();

        // Four redirects between two servers, the first of them fetching the provider's metadata and keys: on a busy
        // two-core machine (every end-to-end server starting at once) that can take longer than the default 30 s.
        await page.WaitForURLAsync(url => url.Contains("/imports", StringComparison.Ordinal) || url.Contains("problem=", StringComparison.Ordinal),
            new() { Timeout = 120_000 });
        Assert.True(page.Url.Contains("/imports", StringComparison.Ordinal), $"The sign-in ended at {page.Url}:\n{server.Output}");
        await page.Locator(".import-upload[data-ready=true]").WaitForAsync();
        await Expect(page.Locator("[data-testid=signed-in-name]")).ToHaveTextAsync(OidcDashboardServer.Name);
        await page.Locator("#import-files").SetInputFilesAsync(new FilePayload
        {
            Name = "apr-2024.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("Month,Beat,Category,Type,LocationType,Domestic,Count\n2024-04,Harborough North,ASB,,,N,9\n"),
        });
        await page.Locator(".import-button").ClickAsync();
        await Expect(page.Locator(".import-done")).ToContainTextAsync("rows kept");
        await Expect(page.Locator(".history-entry").First).ToContainTextAsync(OidcDashboardServer.Name);

        var (exitCode, output) = await server.RunCommandLineAsync("users", "list");
        Assert.True(exitCode == 0, output);
        Assert.Contains($"{OidcDashboardServer.Email}  {OidcDashboardServer.Name}  roles: Analyst", output);
    }
}
