namespace CommunitySafety.Data.Import;

/// <summary>
/// The bounds every file is held to, so that a hostile or broken file is refused quickly with a sentence and costs
/// little memory, and so that everything printed or stored about it stays short.
/// </summary>
public static class ImportLimits
{
    /// <summary>The longest row (one line, or several lines of one quoted field), in bytes.</summary>
    public const int MaxRowBytes = 1 << 20;

    /// <summary>The most columns a header may have: both formats need a dozen at most.</summary>
    public const int MaxColumns = 200;

    /// <summary>The longest beat, crime type or location type name, in characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>The longest header name quoted in a message; longer ones are cut with "...".</summary>
    public const int MaxHeaderShown = 100;

    /// <summary>The most names a message lists (columns found, columns ignored); the rest are counted.</summary>
    public const int MaxNamesListed = 30;

    /// <summary>The errors printed or shown with a refusal; the rest are counted (and all are in the error report).</summary>
    public const int ErrorsListed = 200;

    /// <summary>The warnings kept with an import (and printed); the rest are counted in one more.</summary>
    public const int WarningsKept = 200;
}

/// <summary>
/// What a zip may unpack to: each file, all files together, and how many files. Checked against the sizes the zip
/// declares before anything is unpacked, and against the bytes actually unpacked while reading.
/// </summary>
public sealed record ZipLimits(long MaxEntryBytes = 2L << 30, long MaxTotalBytes = 4L << 30, int MaxEntries = 10_000)
{
    public static readonly ZipLimits Default = new();

    /// <summary>From sizes in MB, as the settings give them; a missing setting keeps its default.</summary>
    public static ZipLimits FromMegabytes(long? maxEntryMb, long? maxTotalMb, int? maxEntries) => new(
        maxEntryMb is > 0 ? maxEntryMb.Value << 20 : Default.MaxEntryBytes,
        maxTotalMb is > 0 ? maxTotalMb.Value << 20 : Default.MaxTotalBytes,
        maxEntries is > 0 ? maxEntries.Value : Default.MaxEntries);

    internal static string Megabytes(long bytes) => $"{(bytes + (1 << 20) - 1) >> 20:N0} MB";
}
