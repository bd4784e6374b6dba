using CommunitySafety.Data.Model;
using System.Globalization;
using System.Runtime.CompilerServices;
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

    private static readonly MeasureView None = new(null);

    // A data version's measures are shared by every open page, and so are their words: each page's render then points at
    // the same strings instead of writing its own (a beats table has a dozen for every beat).
    private static readonly ConditionalWeakTable<Measure, MeasureView> Views = new();
    private static readonly ConditionalWeakTable<NamedMeasure, MeasureView> NamedViews = new();

    private string? _changePercentText, _directionWords, _countsText, _changeTitle;

    private MeasureView(Measure? measure) => Measure = measure;

    public Measure? Measure { get; }

    public static MeasureView Of(Measure? measure) => measure is null ? None : Views.GetValue(measure, m => new MeasureView(m));

    public static MeasureView Of(NamedMeasure measure) => NamedViews.GetValue(measure, m =>
        new MeasureView(new Measure(m.Current, m.Previous, m.Change, m.ChangePercent, m.Z, m.Significance)));

    public bool HasData => Measure is not null;

    public ChangeDirection Direction => Measure?.Change switch
    {
        < 0 => ChangeDirection.Down,
        > 0 => ChangeDirection.Up,
        _ => ChangeDirection.Same,
    };

    /// <summary>"-25.1%", "+6.3%", "0.0%"; "new" where last year had none (no percentage exists).</summary>
    public string ChangePercentText => _changePercentText ??= Measure switch
    {
        null => "",
        { ChangePercent: { } percent } => FormatSignedPercent(percent),
        { Previous: 0, Current: > 0 } => "new",
        _ => "0.0%",
    };

    /// <summary>"down 25.1%", "up 6.3%", "no change", "up from none last year".</summary>
    public string DirectionWords => _directionWords ??= Measure switch
    {
        null => "",
        { Change: 0 } => "no change",
        { ChangePercent: { } percent } => $"{(percent < 0 ? "down" : "up")} {Math.Abs(percent).ToString("0.0", Invariant)}%",
        { Previous: 0 } => "up from none last year",
        _ => Direction == ChangeDirection.Down ? "down" : "up",
    };

    /// <summary>"812 this year to date, 1,084 last year (272 fewer)".</summary>
    public string CountsText => _countsText ??= Measure is null ? "" :
        $"{Count(Measure.Current)} this year to date, {Count(Measure.Previous)} last year ({DifferenceWords})";

    /// <summary>"down 25.1%. The change is larger than normal variation would explain.": a change's title in a table cell.</summary>
    public string ChangeTitle => _changeTitle ??= $"{DirectionWords}. {SignificanceExplanation}";

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

    /// <summary>A table cell's change: "change-text" and its tone, one string each, not one per cell drawn.</summary>
    public string ChangeTextClass => Direction switch
    {
        ChangeDirection.Down => "change-text change-good",
        ChangeDirection.Up => "change-text change-bad",
        _ => "change-text change-same",
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
