using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Data;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using CommunitySafety.Tests.Data;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>The Imports page over a real database holding one earlier import, with the services the page needs.</summary>
public abstract class ImportsPageTestContext : ComponentTestContext, IAsyncLifetime
{
    protected const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";
    protected TestDatabase Database { get; private set; } = null!;

    protected virtual ImportsOptions Options => new();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        await Database.ImportOkAsync(Database.WriteFile("earlier.csv", TestDatabase.Lines(Header, "2023-04,Harborough North,ASB,,,N,5")));
        var data = Database.Services;
        Services.AddSingleton(data.GetRequiredService<Importer>());
        Services.AddSingleton(data.GetRequiredService<BeatMapStore>());
        Services.AddSingleton(data.GetRequiredService<StoredUploads>());
        Services.AddSingleton(data.GetRequiredService<DataSettings>());
        Services.AddSingleton(data.GetRequiredService<IDbContextFactory<CommunitySafetyDb>>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ErrorReportDownloads>();
        Services.AddSingleton(data.GetRequiredService<CommunitySafety.Data.Audit.AuditLog>());
        Authorization.SetAuthorized("Test analyst");
        Authorization.SetRoles(CommunitySafety.Data.Model.Roles.Analyst);
        Authorization.SetPolicies(CommunitySafety.Dashboard.Services.Access.Policies.View, CommunitySafety.Dashboard.Services.Access.Policies.Import);
        Services.AddSingleton<IOptions<ImportsOptions>>(Microsoft.Extensions.Options.Options.Create(Options));
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
    }

    protected static void Drop(IRenderedComponent<ImportsPage> page, InputFileContent file) =>
        page.FindComponent<InputFile>().UploadFiles(file);

    protected static string Csv(params string[] lines) => string.Join("\n", lines) + (lines.Length > 0 ? "\n" : "");
}
