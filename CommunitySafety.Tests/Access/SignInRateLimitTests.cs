using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunitySafety.Tests.Access;

/// <summary>Sign-in attempts from one address are limited (RateLimits:SignInPerMinute); reading the sign-in page is not.</summary>
public sealed class SignInRateLimitTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csd-rate-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Past_the_limit_a_sign_in_attempt_gets_429_with_a_sentence_while_the_page_still_opens()
    {
        Directory.CreateDirectory(_folder);
        await using var app = new Dashboard(Path.Combine(_folder, "dashboard.db"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4 && refused is null; i++)
        {
            var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent([new("Input.Email", "someone@example.org"), new("Input.Password", "wrong")]));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }

        Assert.NotNull(refused);
        Assert.Equal(4, statuses.Count); // three attempts were let through (and refused for their own reasons) before the limit
        Assert.StartsWith("Too many requests from your address: please wait", await refused.Content.ReadAsStringAsync());
        Assert.True(refused.Headers.RetryAfter is not null, "A refused attempt says when to try again.");
    }

    private sealed class Dashboard(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:CommunitySafety", $"Data Source={databasePath}");
            builder.UseSetting("SampleData:Enabled", "false");
            builder.UseSetting("ActionPlan:LoadPlanFiles", "false");
            builder.UseSetting("RateLimits:SignInPerMinute", "3");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
