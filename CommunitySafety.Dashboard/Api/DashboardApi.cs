using CommunitySafety.Dashboard.Report;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Api;

/// <summary>
/// GET /api/summary and GET /api/trends: the figures as JSON, in the shape of shared/spec/summary-contract.md.
/// A bad parameter gets 400 with a sentence saying what is wrong.
/// </summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").RequireAuthorization(Policies.View);
        api.MapGet("/summary", GetSummaryAsync);
        api.MapGet("/trends", GetTrendAsync);
        api.MapGet("/compare", GetComparisonAsync);
        api.MapGet("/report.pdf", GetReportPdfAsync).RequireRateLimiting(Hosting.RateLimits.Pdf);
        return endpoints;
    }

    internal static async Task<IResult> GetSummaryAsync(
        string? year, string? quarter, string? beat, string? area, IFiguresService figures, CancellationToken cancellationToken)
    {
        if (ApiPeriod.Read(year, quarter, out var period) is { } problem) return BadRequest(problem);

        if (!string.IsNullOrWhiteSpace(area))
        {
            var ofArea = await figures.GetAreaSummaryAsync(area.Trim(), period, string.IsNullOrWhiteSpace(beat) ? null : beat.Trim(), cancellationToken);
            return ofArea is null
                ? BadRequest(await UnknownAreaAsync(figures, area, cancellationToken))
                : SummaryResult(ofArea);
        }

        var overview = await figures.GetOverviewAsync(cancellationToken);
        var beatName = KnownBeat(overview, beat, out var beatProblem);
        if (beatProblem is not null) return BadRequest(beatProblem);

        var summary = await figures.GetSummaryAsync(period, beatName, cancellationToken);
        return SummaryResult(summary);
    }

    /// <summary>The summary's JSON, written once per shared summary rather than once per request.</summary>
    private static IResult SummaryResult(Summary summary) => Results.Bytes(SummaryJson.Utf8Of(summary), "application/json; charset=utf-8");

    /// <summary>GET /api/compare?year=2023-24&amp;quarter=1&amp;measure=asb[&amp;area=A][&amp;group=B,C]: the document of areas-and-rates.md.</summary>
    internal static async Task<IResult> GetComparisonAsync(
        string? year, string? quarter, string? measure, string? area, string? group, IFiguresService figures, CancellationToken cancellationToken)
    {
        if (ApiPeriod.Read(year, quarter, out var period) is { } problem) return BadRequest(problem);
        if (string.IsNullOrWhiteSpace(measure)) return BadRequest("measure is missing: give asb, crime, domestic or crime-type: and a crime type's name.");
        try
        {
            var comparison = await figures.GetComparisonAsync(new ComparisonRequest(
                period, measure, string.IsNullOrWhiteSpace(area) ? null : area,
                string.IsNullOrWhiteSpace(group) ? null : group.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), cancellationToken);
            return Results.Json(comparison, SummaryJson.Options);
        }
        catch (ComparisonProblem unknown)
        {
            return BadRequest(unknown.Message);
        }
    }

    internal static async Task<IResult> GetTrendAsync(
        string? measure, string? beat, string? by, IFiguresService figures, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(measure))
            return BadRequest("measure is missing: give asb, crime, domestic or a crime type.");
        TrendGranularity granularity;
        switch (by?.Trim().ToLowerInvariant())
        {
            case null or "" or "month": granularity = TrendGranularity.Month; break;
            case "quarter": granularity = TrendGranularity.Quarter; break;
            default: return BadRequest($"by must be month or quarter, not '{by}'.");
        }

        var overview = await figures.GetOverviewAsync(cancellationToken);
        var beatName = KnownBeat(overview, beat, out var beatProblem);
        if (beatProblem is not null) return BadRequest(beatProblem);

        var series = await figures.GetTrendAsync(measure.Trim(), beatName, granularity, cancellationToken: cancellationToken);
        return series is null
            ? BadRequest($"measure '{measure}' is not asb, crime, domestic or a known crime type.")
            : Results.Json(series, SummaryJson.Options);
    }

    /// <summary>The quarterly pack as an A4 PDF, printed by the server's Chromium from the /report page.</summary>
    internal static async Task<IResult> GetReportPdfAsync(string? year, string? quarter, ReportPrinter printer, CancellationToken cancellationToken)
    {
        if (ApiPeriod.Read(year, quarter, out var period) is { } problem) return BadRequest(problem);
        var result = await printer.PrintAsync(period, cancellationToken);
        return result.Pdf is { } pdf
            ? Results.File(pdf, "application/pdf", $"crime-and-asb-data-{period.FinancialYear}-q{period.Quarter}.pdf")
            : Results.Problem(detail: result.Problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The PDF could not be made");
    }

    /// <summary>"area 'Blabby' is not an area the dashboard holds; the areas are Harborough, Blaby."</summary>
    internal static async Task<string> UnknownAreaAsync(IFiguresService figures, string area, CancellationToken cancellationToken) =>
        $"area '{area.Trim()}' is not an area the dashboard holds; the areas are {string.Join(", ", await figures.GetAreasAsync(cancellationToken))}.";

    /// <summary>The beat as the data spells it; null (no problem) for the whole district.</summary>
    private static string? KnownBeat(DataOverview overview, string? beat, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(beat)) return null;
        var known = overview.Beats.FirstOrDefault(b => string.Equals(b, beat.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null) problem = $"beat '{beat}' is not a known beat; the beats are {string.Join(", ", overview.Beats)}.";
        return known;
    }

    private static IResult BadRequest(string sentence) =>
        Results.Problem(detail: sentence, statusCode: StatusCodes.Status400BadRequest, title: "The request could not be answered");
}
