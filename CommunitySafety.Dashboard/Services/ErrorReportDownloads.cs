using System.Collections.Concurrent;

namespace CommunitySafety.Dashboard.Services;

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
        return Links.ErrorReport(id);
    }

    public void Remove(string? url)
    {
        if (url is not null && Guid.TryParse(url[(url.LastIndexOf('/') + 1)..], out var id)) _paths.TryRemove(id, out _);
    }

    public string? PathOf(Guid id) => _paths.TryGetValue(id, out var path) && File.Exists(path) ? path : null;

}
