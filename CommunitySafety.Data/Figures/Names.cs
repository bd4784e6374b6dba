namespace CommunitySafety.Data.Figures;

/// <summary>Beat, crime type and location type names match whatever their case.</summary>
internal static class Names
{
    public static readonly StringComparer Comparer = StringComparer.OrdinalIgnoreCase;

    public static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public static bool IsBlank(string? name) => string.IsNullOrWhiteSpace(name);
}
