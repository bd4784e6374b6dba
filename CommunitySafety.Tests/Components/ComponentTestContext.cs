using Bunit;
using Bunit.TestDoubles;
using CommunitySafety.Dashboard.Components.Charts;
using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data;
using CommunitySafety.Data.Figures;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CommunitySafety.Tests.Components;

/// <summary>A bUnit context with MudBlazor, the fake figures, the real notifier, and charts whose JS calls are recorded.</summary>
public abstract class ComponentTestContext : BunitContext
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        ChartModule = JSInterop.SetupModule(ApexChart.ModulePath);
        ChartModule.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IFiguresService>(Figures);
        Services.AddSingleton(Notifier);
        Services.AddScoped<DashboardContext>();
        Authorization = AddAuthorization();
        Services.AddScoped<CurrentPerson>();
    }

    /// <summary>Who is signed in: nobody until a test (or its context) says so.</summary>
    protected BunitAuthorizationContext Authorization { get; }

    protected FakeFiguresService Figures { get; } = new();

    protected DataChangeNotifier Notifier { get; } = new();

    protected BunitJSModuleInterop ChartModule { get; }

    /// <summary>MudBlazor's services can only be disposed asynchronously; xunit 2 disposes test classes synchronously.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeAsync().AsTask().GetAwaiter().GetResult();
        else base.Dispose(disposing);
    }
}
