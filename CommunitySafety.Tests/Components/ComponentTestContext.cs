using System.Text.RegularExpressions;
using Bunit.TestDoubles;
using Bunit;
using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommunitySafety.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the fake figures, the real notifier, and charts whose JS calls are recorded.</summary>
public abstract class ComponentTestContext : BunitContext
{
    // bUnit gives a "wait for" one second; a reload on a busy two-core machine can take longer. Waits end as soon as
    // their state is reached, so a generous limit costs nothing when the test passes.
    static ComponentTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(30);

    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        ChartModule = JSInterop.SetupModule(ApexChart.ModulePath);
        ChartModule.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IFiguresService>(Figures);
        Services.AddSingleton(Notifier);
        Services.AddScoped<DashboardContext>();
        Services.AddSingleton(new AppName(new DataSettings("Data Source=:memory:")));
        Authorization = AddAuthorization();
        Services.AddScoped<CurrentPerson>();
    }

    /// <summary>Who is signed in: nobody until a test (or its context) says so.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected FakeFiguresService Figures { get; } = new();

    protected DataChangeNotifier Notifier { get; } = new();

    protected BunitJSModuleInterop ChartModule { get; }

    /// <summary>Sets the address a page reads its period and filters from ("beats?year=2023-24&amp;quarter=2").</summary>
    protected void GoTo(string relativeUrl) => Services.GetRequiredService<NavigationManager>().NavigateTo(relativeUrl);

    /// <summary>Text as a person reads it: each run of white space one space, none at either end.</summary>
    protected static string Words(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>MudBlazor's services can only be disposed asynchronously; xunit 2 disposes test classes synchronously.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeAsync().AsTask().GetAwaiter().GetResult();
        else base.Dispose(disposing);
    }
}
