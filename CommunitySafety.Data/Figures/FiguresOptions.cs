namespace CommunitySafety.Data.Figures;

/// <summary>Settings of the summary. Init properties with defaults, so configuration binding can fill them.</summary>
public sealed record FiguresOptions
{
    public static FiguresOptions Default { get; } = new();

    /// <summary>The district named in the summary and its sentences.</summary>
    public string Area { get; init; } = "Harborough";

    /// <summary>The fewest crimes in the previous year to date for a crime type to be the "largest increase".</summary>
    public int LargestIncreaseThreshold { get; init; } = 10;
}
