using System.Globalization;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// The summary told in sentences, in the voice and order of the partnership's quarterly report
/// ("Crime and ASB Data for Harborough District"). A sentence whose figure is missing is left out.
/// </summary>
internal static class SummaryNarrative
{
    /// <summary>The narrative's sentences: the warning about missing months, if any, then the ASB and crime sections.</summary>
    public static Summary Write(Summary summary, AsbQuarterHistory? asbHistory, FiguresOptions options)
    {
        string?[] asb =
        [
            FourYearLow(asbHistory),
            AsbChange(summary),
            TopAsbBeats(summary),
            TopAsbLocationType(summary),
        ];
        string?[] crime =
        [
            CrimeChange(summary),
            LargestIncrease(summary, options.LargestIncreaseThreshold),
            MostCommonCrimeType(summary),
            TopCrimeBeat(summary),
            DomesticChange(summary),
            DomesticLocation(summary),
            TopDomesticBeat(summary),
        ];
        var sections = new NarrativeSections(asb.OfType<string>().ToList(), crime.OfType<string>().ToList());
        var incomplete = Incomplete(summary);
        return summary with
        {
            Narrative = [.. incomplete is null ? [] : new[] { incomplete }, .. sections.Asb, .. sections.Crime],
            NarrativeSections = sections,
        };
    }

    private static string? Incomplete(Summary s) =>
        s.DataComplete
            ? null
            : $"The figures for this period are incomplete: there is no data for {Words.And(s.MissingMonths.Select(m => m.ToLongDisplayString()))}.";

    private static string? FourYearLow(AsbQuarterHistory? history)
    {
        if (history is null) return null;
        var level = history.IsFourYearLow ? "are at a four-year low" : "are not at a four-year low";
        var movement = history.ChangeFromPreviousQuarter switch
        {
            > 0 => "they rose from the previous quarter",
            < 0 => "they fell from the previous quarter",
            _ => "they were unchanged from the previous quarter",
        };
        // "although" where the quarter-on-quarter movement runs against the four-year picture.
        var against = history.IsFourYearLow ? history.ChangeFromPreviousQuarter > 0 : history.ChangeFromPreviousQuarter < 0;
        var conjunction = against ? "although" : "and";
        return $"ASB incidents at the end of quarter {QuarterWord(history.Quarter.Quarter)} {level}, {conjunction} {movement}.";
    }

    private static string? AsbChange(Summary s) => s.Asb switch
    {
        null => null,
        { Change: 0 } =>
            $"There has been no change in the number of ASB incidents in {s.Area} in the current year to date, compared to the previous year to date.",
        { ChangePercent: null } m => NoneBefore(m, "ASB incidents", s.Area),
        var m =>
            $"There has been a {Signed(m)} {IncreaseOrDecrease(m)} in the number of ASB incidents in {s.Area} in the current year to date, compared to the previous year to date.",
    };

    private static string? TopAsbBeats(Summary s) => s.Headlines.TopAsbBeats switch
    {
        null or [] => null,
        [var only] => $"The {only} beat has recorded the most ASB incidents in the current year to date.",
        var beats => $"The {Words.And(beats)} beats have recorded the most ASB incidents in the current year to date.",
    };

    private static string? TopAsbLocationType(Summary s) =>
        s.Headlines.TopAsbLocationType is { } location
            ? $"'{location}' is the location type with the highest number of ASB incidents."
            : null;

    private static string? CrimeChange(Summary s) => s.Crime switch
    {
        null => null,
        { Change: 0 } =>
            $"Overall crime in {s.Area} was unchanged in the current year to date compared to the previous year to date.",
        { ChangePercent: null } m => NoneBefore(m, "crimes", s.Area),
        var m =>
            $"Overall crime in {s.Area} saw {WithArticle(Slight(m) + IncreaseOrDecrease(m))} ({Signed(m)}) in the current year to date compared to the previous year to date.",
    };

    private static string? LargestIncrease(Summary s, int threshold)
    {
        var type = s.CrimeTypes.FirstOrDefault(t => t.Name == s.Headlines.LargestIncreaseCrimeType);
        if (type is null) return null;
        if (type.Change > 0)
            return $"{type.Name} offences were the crime type that saw the highest percentage increase in the current year to date, with a {Signed(type)} increase from the previous year to date.";
        // The headline is literal: when nothing rose it names the type that fell least, so the sentence must not say "increase".
        var outcome = type.Change == 0 ? "were unchanged" : $"saw the smallest decrease ({Signed(type)})";
        return $"No crime type with at least {threshold} offences in the previous year to date saw an increase; {type.Name} offences {outcome}.";
    }

    private static string? MostCommonCrimeType(Summary s) =>
        s.Headlines.MostCommonCrimeType is { } type
            ? $"{type} offences are the most common crime type across {s.Area}."
            : null;

    private static string? TopCrimeBeat(Summary s) =>
        s.Headlines.TopCrimeBeat is { } beat
            ? $"The {beat} beat has recorded the most offences in the current year to date."
            : null;

    private static string? DomesticChange(Summary s) => s.Domestic switch
    {
        null => null,
        { Change: 0 } =>
            $"The number of domestic incidents in {s.Area} is unchanged compared to the previous year to date.",
        { ChangePercent: null } m => NoneBefore(m, "domestic incidents", s.Area),
        var m =>
            $"The number of domestic incidents has seen {WithArticle(IncreaseOrDecrease(m))} of {Signed(m)} in {s.Area} compared to the previous year to date.",
    };

    private static string? DomesticLocation(Summary s)
    {
        var top = s.LocationTypes.Domestic.FirstOrDefault(l => l.Name == s.Headlines.TopDomesticLocationType);
        if (top is null || s.Domestic is null) return null;
        var isMajority = top.Current * 2 > s.Domestic.Current;
        return isMajority
            ? $"The majority of domestic incidents are located {Within(top.Name)}."
            : $"Most domestic incidents are located in '{top.Name}'.";
    }

    private static string? TopDomesticBeat(Summary s) =>
        s.Headlines.TopDomesticBeat is { } beat
            ? $"The {beat} beat had the highest number of domestic incidents of all beats in {s.Area}."
            : null;

    /// <summary>For a rise from nothing, where there is no percentage to give.</summary>
    private static string NoneBefore(Measure m, string what, string area) =>
        $"There were {m.Current} {what} in {area} in the current year to date, and none in the previous year to date.";

    /// <summary>The report's own phrase for a dwelling; any other location type is quoted.</summary>
    private static string Within(string locationType) =>
        Names.Same(locationType, "Dwelling") ? "within a dwelling" : $"in '{locationType}'";

    private static string Slight(Measure m) => Math.Abs(m.ChangePercent ?? 0) < 5 ? "slight " : "";

    private static string IncreaseOrDecrease(Measure m) => m.Change > 0 ? "increase" : "decrease";

    private static string WithArticle(string phrase) => ("aeiou".Contains(phrase[0]) ? "an " : "a ") + phrase;

    private static string Signed(Measure m) => Signed(m.ChangePercent, m.Change);

    private static string Signed(NamedMeasure m) => Signed(m.ChangePercent, m.Change);

    /// <summary>"+6.3%" or "-25.1%": the sign follows the change itself, so a rise too small to show is still "+0.0%".</summary>
    private static string Signed(double? percent, int change)
    {
        var sign = change switch { > 0 => "+", < 0 => "-", _ => "" };
        return sign + Math.Abs(percent ?? 0).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    }

    internal static string QuarterWord(int quarter) => quarter switch
    {
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        _ => quarter.ToString(CultureInfo.InvariantCulture),
    };
}
