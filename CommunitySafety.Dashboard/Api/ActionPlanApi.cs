using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Authorization;

namespace CommunitySafety.Dashboard.Api;

/// <summary>
/// GET /api/action-plan?year=2023-24&amp;quarter=2: the plan with its progress, RAG and linked figures (<see cref="ActionPlanJson"/>).
/// GET /api/action-plan/plan.docx, plan.xlsx and plan.json?year=2023-24[&amp;quarter=2]: the plan to download (Word and Excel
/// laid out like the council's Appendix A, with the quarter's RAG and progress when a quarter is given).
/// GET /api/action-plan/return.xlsx and return.csv?year=2023-24&amp;quarter=2: a quarter's OPCC return to download.
/// POST /api/action-plan/import[?dryRun=true] (a Manager's API key): a plan file in, or its preview.
/// A bad parameter gets 400, a year or quarter with nothing 404, each with a sentence.
/// </summary>
public static class ActionPlanApi
{
    public static IEndpointRouteBuilder MapActionPlanApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/action-plan").RequireAuthorization(Policies.View);
        api.MapGet("/return.xlsx", async (string? year, string? quarter, IActionPlanService plans, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
            await AuditedAsync(context, audit, await DownloadAsync(year, quarter, ReturnFileFormat.Xlsx, plans, cancellationToken), "xlsx", year, quarter));
        api.MapGet("/return.csv", async (string? year, string? quarter, IActionPlanService plans, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
            await AuditedAsync(context, audit, await DownloadAsync(year, quarter, ReturnFileFormat.Csv, plans, cancellationToken), "csv", year, quarter));
        endpoints.MapGet("/api/action-plan", GetPlanAsync).RequireAuthorization(Policies.View);
        api.MapGet("/plan.docx", (string? year, string? quarter, IPlanFiles files, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
            DownloadPlanAsync(year, quarter, PlanFileFormat.Docx, files, audit, context, cancellationToken));
        api.MapGet("/plan.xlsx", (string? year, string? quarter, IPlanFiles files, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
            DownloadPlanAsync(year, quarter, PlanFileFormat.Xlsx, files, audit, context, cancellationToken));
        api.MapGet("/plan.json", (string? year, string? quarter, IPlanFiles files, AuditLog audit, HttpContext context, CancellationToken cancellationToken) =>
            DownloadPlanAsync(year, quarter, PlanFileFormat.Json, files, audit, context, cancellationToken));
        endpoints.MapPost("/api/action-plan/import", ImportPlanAsync)
            .RequireRateLimiting(Hosting.RateLimits.Write)
            // A key only, never the sign-in cookie: a form on another site cannot make a signed-in browser import.
            .RequireAuthorization(new AuthorizeAttribute(Policies.Manage) { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery();
        return endpoints;
    }

    internal static async Task<IResult> GetPlanAsync(
        string? year, string? quarter, IActionPlanService plans, IPlanFiles files, CancellationToken cancellationToken)
    {
        if (ApiPeriod.Read(year, quarter, out var period) is { } problem) return Problem(StatusCodes.Status400BadRequest, problem, "The plan could not be read");
        var view = await plans.GetPlanAsync(period, new PlanFilter(), cancellationToken);
        var export = await files.GetExportAsync(period.FinancialYear, period.Quarter, cancellationToken);
        if (view is null || export is null || view.FinancialYear != period.FinancialYear)
            return Problem(StatusCodes.Status404NotFound, $"There is no action plan for {period.FinancialYear}.", "The plan could not be read");
        return Results.Json(ActionPlanJsonBuilder.Build(export, view, period.Quarter), SummaryJson.Options);
    }

    /// <summary>The plan as a file (the Plan files page's download links); every download is in the audit trail.</summary>
    internal static async Task<IResult> DownloadPlanAsync(
        string? year, string? quarter, PlanFileFormat format, IPlanFiles files, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        const string Title = "The plan could not be downloaded";
        IResult result;
        int? quarterNumber = null;
        if (string.IsNullOrWhiteSpace(year) || !FinancialQuarter.TryParseYear(year, out _))
            result = Problem(StatusCodes.Status400BadRequest, $"year must be a financial year like 2023-24{(string.IsNullOrWhiteSpace(year) ? "" : $", not '{year}'")}.", Title);
        else if (!string.IsNullOrWhiteSpace(quarter) && (!int.TryParse(quarter, out var q) || q is < 1 or > 4))
            result = Problem(StatusCodes.Status400BadRequest, $"quarter must be 1, 2, 3 or 4, not '{quarter}'.", Title);
        else
        {
            quarterNumber = string.IsNullOrWhiteSpace(quarter) ? null : int.Parse(quarter, System.Globalization.CultureInfo.InvariantCulture);
            var file = await files.ExportAsync(year.Trim(), format, quarterNumber, cancellationToken);
            result = file is null
                ? Problem(StatusCodes.Status404NotFound, $"There is no action plan for {year.Trim()}.", Title)
                : Results.File(file.Content, file.ContentType, file.FileName);
        }
        var person = AccessClaims.ToPerson(context.User, context.Connection.RemoteIpAddress?.ToString());
        await audit.WriteAsync(person.Actor, AuditKinds.PlanExport, $"Action plan {year}{(quarterNumber is { } n ? $" with Q{n} progress" : "")} as {format.ToString().ToLowerInvariant()}",
            result is IFileHttpResult ? AuditOutcomes.Done : AuditOutcomes.Refused, context.RequestAborted);
        return result;
    }

    /// <summary>One plan file as multipart/form-data: refused (422) with every problem, previewed (dryRun=true) or imported.</summary>
    internal static async Task<IResult> ImportPlanAsync(HttpContext context, bool? dryRun, IPlanFiles files)
    {
        const string Title = "The plan could not be imported";
        if (!context.Request.HasFormContentType)
            return Problem(StatusCodes.Status400BadRequest, "Send the plan file as multipart/form-data (curl -F file=@plan.xlsx).", Title);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.Count != 1) return Problem(StatusCodes.Status400BadRequest, "Send exactly one plan file: a .docx, .xlsx or JSON plan file.", Title);
        var upload = form.Files[0];
        PlanFileRead read;
        await using (var stream = upload.OpenReadStream()) read = PlanFileReader.Read(stream, upload.FileName);
        if (read.Plan is null)
            return Results.Json(new { outcome = "refused", message = $"The file {upload.FileName} was not imported; nothing was changed.", problems = read.Problems },
                SummaryJson.Options, statusCode: StatusCodes.Status422UnprocessableEntity);

        if (dryRun == true)
        {
            var preview = await files.PreviewImportAsync(read.Plan, context.RequestAborted);
            return Results.Json(new { outcome = "preview", message = preview.Summary, preview = PreviewJson(preview) }, SummaryJson.Options);
        }
        var person = AccessClaims.ToPerson(context.User, context.Connection.RemoteIpAddress?.ToString());
        var outcome = await files.ImportAsync(read.Plan, person, context.RequestAborted);
        return Results.Json(
            new { outcome = outcome.Done ? "imported" : "refused", message = outcome.Message, preview = outcome.Preview is null ? null : PreviewJson(outcome.Preview) },
            SummaryJson.Options, statusCode: outcome.Done ? StatusCodes.Status200OK : StatusCodes.Status422UnprocessableEntity);
    }

    private static object PreviewJson(PlanImportPreview preview) => new
    {
        financialYear = preview.FinancialYear,
        replacesPlan = preview.ReplacesPlan,
        preview.Priorities,
        preview.Objectives,
        preview.Actions,
        added = preview.Changes.Added,
        changed = preview.Changes.Changed,
        retired = preview.Changes.Retired,
        refusal = preview.Refusal,
    };

    /// <summary>The page's download link for a quarter's return.</summary>
    internal static async Task<IResult> DownloadAsync(
        string? year, string? quarter, ReturnFileFormat format, IActionPlanService plans, CancellationToken cancellationToken)
    {
        if (ApiPeriod.Read(year, quarter, out var period) is { } problem) return Problem(StatusCodes.Status400BadRequest, problem);

        var file = await plans.ExportReturnAsync(period.FinancialYear, period.Quarter, format, cancellationToken);
        return file is null
            ? Problem(StatusCodes.Status404NotFound, $"There is no Q{period.Quarter} return for {period.FinancialYear} yet.")
            : Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>Every export of the return is in the audit trail, with who took it.</summary>
    private static async Task<IResult> AuditedAsync(HttpContext context, AuditLog audit, IResult result, string format, string? year, string? quarter)
    {
        var person = AccessClaims.ToPerson(context.User, context.Connection.RemoteIpAddress?.ToString());
        var done = result is IFileHttpResult;
        await audit.WriteAsync(person.Actor, AuditKinds.ReturnExport, $"OPCC return {year} Q{quarter} as {format}",
            done ? AuditOutcomes.Done : AuditOutcomes.Refused, context.RequestAborted);
        return result;
    }

    private static IResult Problem(int status, string sentence, string title = "The return could not be downloaded") =>
        Results.Problem(detail: sentence, statusCode: status, title: title);
}
