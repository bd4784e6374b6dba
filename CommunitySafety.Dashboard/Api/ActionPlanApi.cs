using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Api;

/// <summary>
/// GET /api/action-plan/return.xlsx and return.csv?year=2023-24&amp;quarter=2: a quarter's OPCC return to download.
/// A bad parameter gets 400, a quarter with no return 404, each with a sentence.
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
        return endpoints;
    }

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

    private static IResult Problem(int status, string sentence) =>
        Results.Problem(detail: sentence, statusCode: status, title: "The return could not be downloaded");
}
