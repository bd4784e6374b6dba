using CommunitySafety.Dashboard.Api;
using CommunitySafety.Dashboard.Components;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Live;
using CommunitySafety.Dashboard.Report;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using Microsoft.AspNetCore.DataProtection;
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
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);

        var connectionString = builder.Configuration.GetConnectionString("CommunitySafety")
            ?? throw new InvalidOperationException(
                "No database is configured: set ConnectionStrings:CommunitySafety, for example \"Data Source=communitysafety.db\".");
        var settings = Settings.From(builder.Configuration) with { ConnectionString = connectionString };
        builder.Services.AddCommunitySafetyData(settings);
        Components.Shared.AppName.UseArea(settings.Area);
        builder.Services.Configure<ImportsOptions>(builder.Configuration.GetSection("Imports"));
        builder.Services.AddSingleton<ErrorReportDownloads>();
        // The whole upload is allowed through the circuit's file stream; the page checks the total against Imports:MaxUploadMb.
        builder.Services.AddHostedService<DataChangeWatcher>();
        builder.Services.AddScoped<DashboardContext>();
        builder.Services.AddSingleton<ReportPrinter>();
        builder.AddDashboardAccess();
        // Keys that protect sign-in cookies and forms, kept beside the database so a restart does not sign everyone out.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.Files, "keys")))
            .SetApplicationName("CommunitySafety.Dashboard");
        // Notices at the bottom, clear of the period picker at the top right.
        builder.Services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddProblemDetails();

        var app = builder.Build();
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>();
        UploadSpool.SweepStale(ImportsPage.UploadRootFor(settings)); // what a stopped process left half-uploaded
        await Database.PrepareAsync(dbFactory);
        if (app.Configuration.GetValue("SampleData:Enabled", true))
            await SampleData.LoadIfEmptyAsync(dbFactory, app.Services.GetRequiredService<Importer>());
        if (app.Configuration.GetValue("ActionPlan:LoadPlanFiles", true))
            await PlanLoader.LoadIfEmptyAsync(dbFactory, app.Services.GetRequiredService<TimeProvider>());
        await FirstAdmin.PrintSetUpLinkIfNoUsersAsync(app);

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapDashboardApi();
        app.MapActionPlanApi();
        app.MapImportsApi();
        app.MapAccountEndpoints();
        ErrorReportDownloads.MapErrorReports(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        await app.RunAsync();
    }
}
