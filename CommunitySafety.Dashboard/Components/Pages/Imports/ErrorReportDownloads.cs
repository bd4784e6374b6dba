using System.Collections.Concurrent;

namespace CommunitySafety.Dashboard.Components.Pages.Imports;

/// <summary>
/// The error reports of refused uploads that can be downloaded now, by a random id: each lives in its upload's
/// folder and only while the page that made it is open.
/// </summary>
public sealed class ErrorReportDownloads
{
    public const string FileName = "import-errors.csv";

    private readonly ConcurrentDictionary<Guid, string> _paths = new();

    public string Add(string path)
    {
        var id = Guid.NewGuid();
        _paths[id] = path;
        return Url(id);
    }

    public void Remove(string? url)
    {
        if (url is not null && Guid.TryParse(url[(url.LastIndexOf('/') + 1)..], out var id)) _paths.TryRemove(id, out _);
    }

    public string? PathOf(Guid id) => _paths.TryGetValue(id, out var path) && File.Exists(path) ? path : null;

    public static string Url(Guid id) => $"imports/error-report/{id:N}";

    public static IEndpointRouteBuilder MapErrorReports(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/imports/error-report/{id:guid}", (Guid id, ErrorReportDownloads downloads) =>
            downloads.PathOf(id) is { } path
                ? Results.File(path, "text/csv; charset=utf-8", FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This error report is no longer available",
                    detail: "An error report is kept only while the Imports page that made it is open. Upload the file again to see its errors."))
            .RequireAuthorization(Services.Access.Policies.Import);
        return endpoints;
    }
}
