using Bunit;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Tests.Data;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Tests.Components.Imports;

/// <summary>The Imports page, or one of its panels, over a real database holding one earlier import (import 1, April 2023).</summary>
public abstract class ImportsPageTestContext : DataComponentTestContext
{
    protected const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";

    protected virtual ImportsOptions Options => new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Database.ImportOkAsync(Database.WriteFile("earlier.csv", TestDatabase.Lines(Header, "2023-04,Harborough North,ASB,,,N,5")));
        Services.AddSingleton<ErrorReportDownloads>();
        Authorization.SetAuthorized("Test analyst");
        Authorization.SetRoles(CommunitySafety.Data.Model.Roles.Analyst);
        Authorization.SetPolicies(CommunitySafety.Dashboard.Services.Access.Policies.View, CommunitySafety.Dashboard.Services.Access.Policies.Import);
        Services.AddSingleton<IOptions<ImportsOptions>>(Microsoft.Extensions.Options.Options.Create(Options));
    }

    /// <summary>Drops a file on the component's (only) file input, as a person picking or dropping it would.</summary>
    protected static void Drop<TComponent>(IRenderedComponent<TComponent> component, InputFileContent file) where TComponent : class, IComponent =>
        component.FindComponent<InputFile>().UploadFiles(file);

    protected static string Csv(params string[] lines) => string.Join("\n", lines) + (lines.Length > 0 ? "\n" : "");
}
