using CommunitySafety.Dashboard.Api;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Components;
using CommunitySafety.Dashboard.Hosting;
using CommunitySafety.Dashboard.Live;
using CommunitySafety.Dashboard.Report;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Data;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace CommunitySafety.Dashboard;

/// <summary>The Blazor Server dashboard: services, middleware and endpoints.</summary>
public static class WebApp
{
    /// <summary>Where the dashboard listens unless --urls (or ASPNETCORE_URLS) says otherwise: this machine only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5098";

    public static async Task RunAsync(string[] args)
    {
        // The app's own folder, not the current one: a published app finds its settings, static files, sample data
        // and plan files wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);

        var connectionString = builder.Configuration.GetConnectionString("CommunitySafety")
            ?? throw new InvalidOperationException(
                "No database is configured: set ConnectionStrings:CommunitySafety, for example \"Data Source=communitysafety.db\".");
        var settings = Settings.From(builder.Configuration, connection: connectionString);
        builder.Services.AddCommunitySafetyData(settings);
        builder.Services.Configure<ImportsOptions>(builder.Configuration.GetSection("Imports"));
        builder.Services.AddSingleton<ErrorReportDownloads>();
        // The whole upload is allowed through the circuit's file stream; the page checks the total against Imports:MaxUploadMb.
        builder.Services.AddHostedService<DataChangeWatcher>();
        builder.Services.AddScoped<DashboardContext>();
        builder.Services.AddSingleton<ReportPrinter>();
        builder.Services.AddSingleton<AppName>();
        builder.AddDashboardAccess();
        // Notices at the bottom, clear of the period picker at the top right.
        builder.Services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddProblemDetails();
        builder.Services.AddProxyHeaders(builder.Configuration);
        builder.Services.AddPersistedKeys(builder.Configuration, settings);
        builder.Services.AddDashboardRateLimits(builder.Configuration);
        builder.Services.AddDashboardHealth();
        builder.Services.AddHostedService<ChangeLog>();

        var app = builder.Build();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();
        UploadSpool.SweepStale(UploadSpool.RootFor(settings)); // what a stopped process left half-uploaded
        var swept = app.Services.GetRequiredService<StoredUploads>().SweepPartial(); // and half-copied
        if (swept > 0) app.Logger.LogWarning("{Sentence}", StoredUploads.SweptSentence(swept));
        await Database.PrepareAsync(dbFactory, log: sentence => app.Logger.LogWarning("{Sentence}", sentence));
        // Sample data only where asked for: on by default in Development, off elsewhere unless SampleData:Enabled=true.
        if (app.Configuration.GetValue("SampleData:Enabled", app.Environment.IsDevelopment()))
            await SampleData.LoadIfEmptyAsync(dbFactory, app.Services.GetRequiredService<Importer>());
        if (app.Configuration.GetValue("ActionPlan:LoadPlanFiles", true))
            await PlanLoader.LoadIfEmptyAsync(dbFactory, app.Services.GetRequiredService<TimeProvider>());
        await FirstAdmin.PrintSetUpLinkIfNoUsersAsync(app);

        app.UseForwardedHeaders();
        app.UseRequestLog();
        app.UseSecurityHeaders(app.Environment);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseCompressedPackageAssets();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDashboardHealth();
        app.MapMemoryDiagnostics();
        app.MapDashboardApi();
        app.MapActionPlanApi();
        app.MapErrorReportApi();
        app.MapImportsApi();
        app.MapAccountEndpoints();
        // No compression of the pages' WebSockets: each open page's socket kept a zlib compressor and decompressor, about
        // 350 KB of native memory a page, to shrink render batches that are already small binary diffs. (Compression's
        // own risk, a page framed by another site, is refused anyway by the policy's frame-ancestors 'none'.)
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.DisableWebSocketCompression = true);
        await app.RunAsync();
    }
}
