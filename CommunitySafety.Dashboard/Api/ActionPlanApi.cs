using CommunitySafety.Data.ActionPlan;
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
        var api = endpoints.MapGroup("/api/action-plan");
        api.MapGet("/return.xlsx", (string? year, string? quarter, IActionPlanService plans, CancellationToken cancellationToken) =>
            DownloadAsync(year, quarter, ReturnFileFormat.Xlsx, plans, cancellationToken));
        api.MapGet("/return.csv", (string? year, string? quarter, IActionPlanService plans, CancellationToken cancellationToken) =>
            DownloadAsync(year, quarter, ReturnFileFormat.Csv, plans, cancellationToken));
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

    private static IResult Problem(int status, string sentence) =>
        Results.Problem(detail: sentence, statusCode: status, title: "The return could not be downloaded");
}
