using CommunitySafety.Dashboard.Services;
using CommunitySafety.Dashboard.Services.Access;

namespace CommunitySafety.Dashboard.Api;

/// <summary>GET /imports/error-report/{id}: the full error report of a refused upload, while its Imports page is open.</summary>
public static class ErrorReportApi
{
    public static IEndpointRouteBuilder MapErrorReportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/imports/error-report/{id:guid}", (Guid id, ErrorReportDownloads downloads) =>
            downloads.PathOf(id) is { } path
                ? Results.File(path, "text/csv; charset=utf-8", ErrorReportDownloads.FileName)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "This error report is no longer available",
                    detail: "An error report is kept only while the Imports page that made it is open. Upload the file again to see its errors."))
            .RequireAuthorization(Policies.Import);
        return endpoints;
    }
}
