using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CommunitySafety.Tests.EndToEnd;

/// <summary>
/// Every page, its charts, the report and every slide of the meeting mode work under the app's Content-Security-Policy:
/// the browser reports no violation (a securitypolicyviolation event, or a console error naming the policy).
/// </summary>
[Collection(DashboardCollection.Name)]
public class ContentSecurityPolicyTests(DashboardServer server)
{
    /// <summary>A page whose policy violations are collected from its first script on.</summary>
    private sealed class WatchedPage(IPage page, List<string> console)
    {
        public IPage Page { get; } = page;

        public static async Task<WatchedPage> OpenAsync(DashboardServer server)
        {
            var page = await server.NewPageAsync(1366, 768);
            await page.Context.AddInitScriptAsync("""
                window.__cspViolations = [];
                document.addEventListener('securitypolicyviolation', e =>
                    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || ''}:${e.lineNumber}`));
                """);
            var console = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                    lock (console) console.Add(message.Text);
            };
            return new WatchedPage(page, console);
        }

        public async Task<IReadOnlyList<string>> ViolationsAsync()
        {
            var reported = await Page.EvaluateAsync<string[]>("() => window.__cspViolations");
            lock (console) return [.. reported, .. console];
        }

        public async Task AssertNoViolationsAsync(string where)
        {
            var violations = await ViolationsAsync();
            Assert.True(violations.Count == 0, $"{where} broke the Content-Security-Policy:\n{string.Join("\n", violations)}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages.Names), MemberType = typeof(Pages))]
    public async Task The_page_and_its_charts_draw_with_no_policy_violation(string name)
    {
        var watched = await WatchedPage.OpenAsync(server);
        var response = await watched.Page.GotoAsync(Pages.Named(name).Path);
        Assert.Matches("script-src 'self' 'nonce-[^']+';", response!.Headers["content-security-policy"]);
        await Pages.OpenAsync(watched.Page, Pages.Named(name));
        if (Pages.Named(name).HasCharts) await Expect(watched.Page.Locator(".apex-chart svg").First).ToBeVisibleAsync();
        await watched.AssertNoViolationsAsync($"The {name} page");
    }

    [Fact]
    public async Task The_report_and_every_meeting_slide_draw_with_no_policy_violation()
    {
        var report = await WatchedPage.OpenAsync(server);
        await report.Page.GotoAsync($"/report?{Pages.Period}");
        await report.Page.Locator("[data-report-ready=true]").WaitForAsync();
        await report.AssertNoViolationsAsync("The report");

        var meeting = await WatchedPage.OpenAsync(server);
        await meeting.Page.GotoAsync($"/meeting?{Pages.Period}");
        await Expect(meeting.Page.Locator(".meeting[data-keys=on]")).ToHaveCountAsync(1);
        var count = int.Parse(Regex.Match(await meeting.Page.Locator(".slide-counter").InnerTextAsync(), @"of (\d+)").Groups[1].Value);
        for (var slide = 1; slide <= count; slide++)
        {
            await meeting.Page.Keyboard.PressAsync(slide == 10 ? "0" : slide.ToString());
            await Expect(meeting.Page.Locator(".slide-counter")).ToHaveTextAsync($"{slide} of {count}");
            if (await meeting.Page.Locator(".slide .apex-chart").CountAsync() > 0) await meeting.Page.Locator(".slide .apex-chart svg").First.WaitForAsync();
        }
        await meeting.AssertNoViolationsAsync("The meeting mode");
    }

    [Fact]
    public async Task An_inline_script_is_blocked_and_reported_so_the_watch_would_see_one()
    {
        var watched = await WatchedPage.OpenAsync(server);
        await Pages.OpenAsync(watched.Page, Pages.Overview);
        await watched.Page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.body.appendChild(s); }");
        await watched.Page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");

        Assert.Contains(await watched.ViolationsAsync(), v => v.StartsWith("script-src", StringComparison.Ordinal));
        Assert.False(await watched.Page.EvaluateAsync<bool>("() => window.inlineRan === true"));
    }
}
