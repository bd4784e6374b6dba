namespace CommunitySafety.Dashboard.Services;

/// <summary>The Imports page's settings: Imports:MaxUploadMb (default 200), Imports:PreviewMinutes (default 15).</summary>
public sealed class ImportsOptions
{
    public int MaxUploadMb { get; set; } = 200;
    public long MaxUploadBytes => MaxUploadMb * 1024L * 1024L;

    /// <summary>How long a preview may hold the import turn before it is closed so that others can import.</summary>
    public double PreviewMinutes { get; set; } = 15;
    public TimeSpan PreviewLifetime => TimeSpan.FromMinutes(PreviewMinutes);
}
