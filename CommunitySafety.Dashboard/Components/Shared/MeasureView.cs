using CommunitySafety.Data.Model;
using System.Globalization;
using CommunitySafety.Data.Figures;
using MudBlazor;

namespace CommunitySafety.Dashboard.Components.Shared;

public enum ChangeDirection { Down, Up, Same }

/// <summary>
/// How a year-to-date measure reads to a person: the change in words, an arrow, and a colour.
/// A fall is good for every measure the partnership tracks (crime, ASB, domestic incidents),
/// and the words always say what the colour and arrow say, so colour never carries meaning alone.
/// </summary>
public sealed class MeasureView
{
    // The app runs with invariant globalization; invariant formats numbers as people in the UK write them (1,084 and 25.1).
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private MeasureView(Measure? measure) => Measure = measure;

    public Measure? Measure { get; }

    public static MeasureView Of(Measure? measure) => new(measure);

    public static MeasureView Of(NamedMeasure measure) =>
        new(new Measure(measure.Current, measure.Previous, measure.Change, measure.ChangePercent, measure.Z, measure.Significance));

    public bool HasData => Measure is not null;

    public ChangeDirection Direction => Measure?.Change switch
    {
        < 0 => ChangeDirection.Down,
        > 0 => ChangeDirection.Up,
        _ => ChangeDirection.Same,
    };

    /// <summary>"-25.1%", "+6.3%", "0.0%"; "new" where last year had none (no percentage exists).</summary>
    public string ChangePercentText => Measure switch
    {
        null => "",
        { ChangePercent: { } percent } => FormatSignedPercent(percent),
        { Previous: 0, Current: > 0 } => "new",
        _ => "0.0%",
    };

    /// <summary>"down 25.1%", "up 6.3%", "no change", "up from none last year".</summary>
    public string DirectionWords => Measure switch
    {
        null => "",
        { Change: 0 } => "no change",
        { ChangePercent: { } percent } => $"{(percent < 0 ? "down" : "up")} {Math.Abs(percent).ToString("0.0", Invariant)}%",
        { Previous: 0 } => "up from none last year",
        _ => Direction == ChangeDirection.Down ? "down" : "up",
    };

    /// <summary>"812 this year to date, 1,084 last year (272 fewer)".</summary>
    public string CountsText => Measure is null ? "" :
        $"{Count(Measure.Current)} this year to date, {Count(Measure.Previous)} last year ({DifferenceWords})";

    public string DifferenceWords => Measure?.Change switch
    {
        null => "",
        0 => "the same",
        < 0 and var change => $"{Count(-change)} fewer",
        var change => $"{Count(change.Value)} more",
    };

    public string SignificanceWords => SignificanceText(Measure?.Significance);

    /// <summary>What the significance means, for a tooltip or a screen reader.</summary>
    public string SignificanceExplanation => Measure?.Significance switch
    {
        Significance.Real => "The change is larger than normal variation would explain.",
        Significance.Possible => "The change may be more than normal variation; watch the next quarter.",
        _ => "The change is small enough to be normal variation.",
    };

    public Color Colour => Direction switch
    {
        ChangeDirection.Down => Color.Success,
        ChangeDirection.Up => Color.Error,
        _ => Color.Default,
    };

    public string ArrowIcon => Direction switch
    {
        ChangeDirection.Down => Icons.Material.Filled.ArrowDownward,
        ChangeDirection.Up => Icons.Material.Filled.ArrowUpward,
        _ => Icons.Material.Filled.ArrowForward,
    };

    /// <summary>CSS class giving the change its good/bad colour ("change-good", "change-bad", "change-same").</summary>
    public string ToneClass => Direction switch
    {
        ChangeDirection.Down => "change-good",
        ChangeDirection.Up => "change-bad",
        _ => "change-same",
    };

    public static string SignificanceText(Significance? significance) => significance switch
    {
        Significance.Real => "Real change",
        Significance.Possible => "Possible change",
        _ => "Within normal variation",
    };

    public static string Count(int value) => value.ToString("N0", Invariant);

    public static string FormatSignedPercent(double percent) =>
        (percent > 0 ? "+" : "") + percent.ToString("0.0", Invariant) + "%";
}
