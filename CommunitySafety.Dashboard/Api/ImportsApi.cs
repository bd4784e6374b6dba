using CommunitySafety.Dashboard.Services;
using CommunitySafety.Dashboard.Components.Pages.Imports;
using CommunitySafety.Dashboard.Services.Access;
using CommunitySafety.Data;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Import;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CommunitySafety.Dashboard.Api;

/// <summary>
/// POST /api/imports (multipart/form-data, the same files the Imports page takes; ?dryRun=true for the preview) for an
/// Analyst's scheduled job, with a personal API key: <c>Authorization: Bearer KEY</c>. It runs the Imports page's own
/// upload, preview and import (<see cref="ImportSession"/>), so the rules and the errors are the same, as JSON.
/// </summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/imports", PostAsync)
            .RequireRateLimiting(Hosting.RateLimits.Write)
            // A key only, never the sign-in cookie: a form on another site cannot make a signed-in browser import.
            .RequireAuthorization(new AuthorizeAttribute(Policies.Import) { AuthenticationSchemes = ApiKeyAuthenticationHandler.SchemeName })
            .DisableAntiforgery()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        return endpoints;
    }

    internal static async Task<IResult> PostAsync(
        HttpContext context, bool? dryRun, Importer importer, BeatMapStore beatMaps, ErrorReportDownloads downloads, DataSettings settings,
        IOptions<ImportsOptions> options, ILoggerFactory loggers, AuditLog audit)
    {
        if (!context.Request.HasFormContentType)
            return Problem(StatusCodes.Status400BadRequest, "Send the files as multipart/form-data, one form field a file (curl -F file=@q1.csv).");
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.Count == 0)
            return Problem(StatusCodes.Status400BadRequest, "No file was sent: add one or more CSV files or a police.uk zip as form fields.");

        var person = AccessClaims.ToPerson(context.User, context.Connection.RemoteIpAddress?.ToString());
        using var session = new ImportSession(importer, beatMaps, downloads, UploadSpool.RootFor(settings), options.Value,
            loggers.CreateLogger("CommunitySafety.Dashboard.Api.ImportsApi"), () => Task.FromResult(person), audit);
        var files = form.Files.Select(f => new IncomingFile(f.FileName, f.Length, _ => f.OpenReadStream())).ToList();
        await session.StartAsync(files);

        if (session.Step == ImportStep.Preview && dryRun != true)
            await session.CommitAsync(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

        return session.Step switch
        {
            ImportStep.Preview => Json(StatusCodes.Status200OK, new { outcome = "preview", message = "Nothing was changed: this is what importing the files would do.", preview = Preview(session.Prepared!.Preview) }),
            ImportStep.Done => Json(StatusCodes.Status200OK, Outcome("imported", session.Report!)),
            ImportStep.Unchanged => Json(StatusCodes.Status200OK, Outcome("unchanged", session.Report!)),
            ImportStep.Refused => Json(StatusCodes.Status422UnprocessableEntity, Outcome("refused", session.Report!)),
            _ => Problem(StatusCodes.Status400BadRequest, session.Problem ?? "The files could not be imported; nothing was changed."),
        };
    }

    private static object Outcome(string outcome, ImportReport report) => new
    {
        outcome,
        importId = report.ImportId,
        message = report.Message,
        report.RowsRead,
        report.RowsKept,
        report.RowsSkipped,
        report.SkipReasons,
        report.Warnings,
        months = report.Months,
        report.TotalErrors,
        errors = report.Errors.Select(e => new { file = e.File, line = e.Line, column = e.Column, found = e.Value, expected = e.Problem, message = e.ToString() }),
    };

    /// <summary>The Imports page's preview as a document: the quarter as its name, the figures' counts before and after.</summary>
    private static object Preview(ImportPreview preview) => new
    {
        preview.Formats,
        preview.Files,
        preview.Months,
        preview.Beats,
        preview.NewBeats,
        preview.RowsRead,
        preview.RowsKept,
        preview.RowsSkipped,
        preview.SkipReasons,
        preview.Warnings,
        qualityWarnings = preview.QualityWarnings.Select(w => w.Text),
        preview.BeatSuggestions,
        quarter = preview.Quarter?.ToString(),
        figures = preview.Figures.Select(f => new { f.Name, before = f.Before, after = f.After }),
    };

    private static IResult Json(int status, object body) => Results.Json(body, SummaryJson.Options, statusCode: status);

    private static IResult Problem(int status, string sentence) =>
        Results.Problem(detail: sentence, statusCode: status, title: "The files could not be imported");
}
