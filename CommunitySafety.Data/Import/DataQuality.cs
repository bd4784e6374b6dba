using System.Globalization;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;

namespace CommunitySafety.Data.Import;

public enum DataQualityKind
{
    /// <summary>A month's count for a measure is far outside its usual range for that month of the year.</summary>
    UnusualCount,

    /// <summary>A beat has no rows in a month, where it usually has some.</summary>
    BeatWithoutRows,

    /// <summary>A new beat name that looks like a misspelling of a known one.</summary>
    LikelyMisspelling,

    /// <summary>Months with no data between the live data and this import, or inside this import.</summary>
    MissingMonths,
}

/// <summary>Something that looks wrong with an import's data. Shown before importing and kept with the import; never blocks it.</summary>
public sealed record DataQualityWarning(DataQualityKind Kind, string Text);

/// <summary>A new beat name in the files that is probably a known beat misspelt; the analyst may import it as the known beat.</summary>
public sealed record BeatSuggestion(string NameInFiles, string KnownBeat);

/// <summary>
/// Checks an import's counts against the live data it joins. Every check compares like with like (the same month of
/// other years, the months just before) and says what it compared against, so the analyst can judge.
/// </summary>
public static class DataQuality
{
    /// <summary>At least this many earlier years of the same month before a count is called unusual.</summary>
    public const int YearsNeeded = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (string Name, Func<NewFact, bool> Includes, Func<MonthlyFact, bool> IncludesLive, bool NeedsDomestic)[] Measures =
    [
        ("ASB", f => f.Category == Category.Asb, f => f.Category == Category.Asb, false),
        ("Crime", f => f.Category == Category.Crime, f => f.Category == Category.Crime, false),
        ("Domestic incidents", f => f.Domestic, f => f.Domestic, true),
    ];

    /// <summary>Checks an import's home-area facts and months against the live history, read by <see cref="LiveHistory"/>.</summary>
    internal static (IReadOnlyList<DataQualityWarning> Warnings, IReadOnlyList<BeatSuggestion> Suggestions) Check(
        IReadOnlyCollection<NewFact> facts, IReadOnlyCollection<NewImportMonth> months, LiveHistory live)
    {
        var importMonths = months.Select(m => YearMonth.FromKey(m.Month)).ToHashSet();
        // The months this import replaces are not part of the history it is judged against.
        var monthTotals = live.MonthTotals.Where(f => !importMonths.Contains(f.Month)).ToList();
        var historyCoverage = live.Coverage.Where(c => !importMonths.Contains(c.Month)).ToList();

        var suggestions = Misspellings(facts.Select(f => f.Beat), live.KnownBeats);
        var warnings = new List<DataQualityWarning>();
        warnings.AddRange(UnusualCounts(facts, months, monthTotals, historyCoverage));
        warnings.AddRange(BeatsWithoutRows(facts, importMonths, live.BeatMonthsBefore, historyCoverage));
        warnings.AddRange(suggestions.Select(s => new DataQualityWarning(DataQualityKind.LikelyMisspelling,
            $"\"{s.NameInFiles}\" is a new beat name that looks like a misspelling of \"{s.KnownBeat}\".")));
        warnings.AddRange(MissingMonths(importMonths, historyCoverage));
        return (warnings, suggestions);
    }

    /// <summary>
    /// What is usual for a month is the recent level (the average of the 12 months before it) times that month's usual
    /// share of the year (its average against the average of every month, over the earlier years), so neither a
    /// long trend nor the season raises a warning. A count is far from it when it differs by more than a third and by
    /// more than chance explains (three Poisson standard deviations): a doubled file, or one with half its rows missing.
    /// </summary>
    internal static IEnumerable<DataQualityWarning> UnusualCounts(
        IReadOnlyCollection<NewFact> facts, IReadOnlyCollection<NewImportMonth> months,
        IReadOnlyCollection<MonthlyFact> monthTotals, IReadOnlyCollection<MonthCoverage> historyCoverage)
    {
        foreach (var measure in Measures)
        {
            var answering = historyCoverage.Where(c => !measure.NeedsDomestic || c.HasDomestic).Select(c => c.Month).ToHashSet();
            var totals = monthTotals.Where(f => answering.Contains(f.Month) && measure.IncludesLive(f))
                .GroupBy(f => f.Month).ToDictionary(g => g.Key, g => g.Sum(f => f.Count));
            int Count(YearMonth m) => totals.GetValueOrDefault(m);
            if (answering.Count == 0) continue;
            var overallMean = answering.Average(m => (double)Count(m));
            if (overallMean <= 0) continue;

            foreach (var month in months.OrderBy(m => m.Month))
            {
                if (measure.NeedsDomestic && !month.HasDomestic) continue;
                var ym = YearMonth.FromKey(month.Month);
                var sameMonth = answering.Where(m => m.Month == ym.Month && m.Year < ym.Year).ToList();
                var recent = answering.Where(m => m >= ym.AddMonths(-12) && m < ym).ToList();
                if (sameMonth.Count < YearsNeeded || recent.Count < 6) continue;

                var share = sameMonth.Average(m => (double)Count(m)) / overallMean;
                var level = recent.Average(m => (double)Count(m));
                var expected = level * share;
                var count = facts.Where(f => f.Month == month.Month && measure.Includes(f)).Sum(f => f.Count);
                var difference = count - expected;
                if (Math.Abs(difference) <= Math.Max(3 * Math.Sqrt(Math.Max(expected, 1)), expected / 3)) continue;

                var monthName = new DateTime(2000, ym.Month, 1).ToString("MMMM", Invariant);
                var percent = expected > 0 ? $" ({Math.Abs(difference / expected * 100).ToString("N0", Invariant)}%)" : "";
                var against = $"about {expected.ToString("N0", Invariant)} was expected from the average of the {recent.Count} months before " +
                              $"({level.ToString("N0", Invariant)} a month) and {monthName}'s usual share of the year over {sameMonth.Count} years";
                yield return difference > 0
                    ? new DataQualityWarning(DataQualityKind.UnusualCount,
                        $"{measure.Name} in {ym.ToDisplayString()} is {count.ToString("N0", Invariant)}, far above the usual: {against}; " +
                        $"{difference.ToString("N0", Invariant)}{percent} more. Check the file is not doubled or mislabelled.")
                    : new DataQualityWarning(DataQualityKind.UnusualCount,
                        $"{measure.Name} in {ym.ToDisplayString()} is {count.ToString("N0", Invariant)}, far below the usual: {against}; " +
                        $"{(-difference).ToString("N0", Invariant)}{percent} fewer. Check the file is complete.");
            }
        }
    }

    /// <summary>
    /// A known beat with no rows in a month of this import, where it had rows in at least three quarters of the
    /// (at least three) months with data in the year before the import. Only when the import uses the same beats as
    /// that year's data at all: police.uk neighbourhoods beside beat-extract beats are a different grouping, not a gap.
    /// </summary>
    /// <param name="beatMonthsBefore">The months and beats with rows in the <see cref="LiveHistory.BeatWindowMonths"/> months before the import.</param>
    internal static IEnumerable<DataQualityWarning> BeatsWithoutRows(
        IReadOnlyCollection<NewFact> facts, IReadOnlySet<YearMonth> importMonths,
        IReadOnlyCollection<(YearMonth Month, string Beat)> beatMonthsBefore, IReadOnlyCollection<MonthCoverage> historyCoverage)
    {
        if (importMonths.Count == 0) yield break;
        var importBeats = facts.Select(f => f.Beat).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var first = importMonths.Min();
        var window = historyCoverage.Where(c => c.Month >= first.AddMonths(-LiveHistory.BeatWindowMonths) && c.Month < first).Select(c => c.Month).ToHashSet();
        if (window.Count < 3) yield break;
        var history = beatMonthsBefore.Where(b => window.Contains(b.Month)).ToList();
        if (!history.Any(b => importBeats.Contains(b.Beat))) yield break;

        var beatsInMonth = facts.Where(f => f.Count > 0).GroupBy(f => f.Month)
            .ToDictionary(g => YearMonth.FromKey(g.Key), g => g.Select(f => f.Beat).ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var beat in history.GroupBy(b => b.Beat, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key))
        {
            var monthsWithRows = beat.Select(b => b.Month).Distinct().Count();
            if (monthsWithRows * 4 < window.Count * 3) continue;
            var empty = importMonths.Order().Where(m => !beatsInMonth.TryGetValue(m, out var beats) || !beats.Contains(beat.Key)).ToList();
            if (empty.Count == 0) continue;
            var usual = monthsWithRows == window.Count ? $"every one of the {window.Count} months" : $"{monthsWithRows} of the {window.Count} months";
            yield return new DataQualityWarning(DataQualityKind.BeatWithoutRows,
                $"{beat.Key} has no rows for {Data.Words.MonthRuns(empty)}, though it had some in {usual} with data in the year before. " +
                "Check the extract covers every beat.");
        }
    }

    /// <summary>Months with no data between the latest live month before this import and its first month, and gaps inside it.</summary>
    internal static IEnumerable<DataQualityWarning> MissingMonths(IReadOnlySet<YearMonth> importMonths, IReadOnlyCollection<MonthCoverage> historyCoverage)
    {
        if (importMonths.Count == 0) yield break;
        var first = importMonths.Min();
        var last = importMonths.Max();
        var before = historyCoverage.Where(c => c.Month < first).Select(c => c.Month).DefaultIfEmpty().Max();
        if (before != default && before.AddMonths(1) < first)
        {
            var gap = YearMonth.Range(before.AddMonths(1), first.AddMonths(-1)).ToList();
            yield return new DataQualityWarning(DataQualityKind.MissingMonths,
                $"There is no data for {Data.Words.MonthRuns(gap)}: the data before this import ends at {before.ToDisplayString()} " +
                $"and this import starts at {first.ToDisplayString()}. The year-to-date figures will say they are incomplete until those months are imported.");
        }
        var inside = YearMonth.Range(first, last).Where(m => !importMonths.Contains(m) && !historyCoverage.Any(c => c.Month == m)).ToList();
        if (inside.Count > 0)
            yield return new DataQualityWarning(DataQualityKind.MissingMonths,
                $"This import has no rows for {Data.Words.MonthRuns(inside)}, between its first and last months, and there is no other data for {(inside.Count == 1 ? "it" : "them")}.");
    }

    /// <summary>
    /// New names that differ from a known beat only in spacing and punctuation, or in one misspelt word
    /// ("Harboro North", "Harborugh North"). A different word of a name is a different beat: "Harborough South" is not
    /// "Harborough North" misspelt, and "Harborough 002" is not "Harborough 001".
    /// </summary>
    internal static IReadOnlyList<BeatSuggestion> Misspellings(IEnumerable<string> namesInFiles, IEnumerable<string> knownBeats)
    {
        var known = knownBeats.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var knownSet = known.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var suggestions = new List<BeatSuggestion>();
        foreach (var name in namesInFiles.Distinct(StringComparer.OrdinalIgnoreCase).Where(n => !knownSet.Contains(n)).Order(StringComparer.OrdinalIgnoreCase))
        {
            var best = known
                .Select(k => (Known: k, Distance: MisspellingDistance(name, k)))
                .Where(c => c.Distance is not null)
                .OrderBy(c => c.Distance).ThenBy(c => c.Known, StringComparer.OrdinalIgnoreCase)
                .FirstOrDefault();
            if (best.Known is not null) suggestions.Add(new BeatSuggestion(name, best.Known));
        }
        return suggestions;
    }

    /// <summary>How far apart two names are, when one looks like the other misspelt; null when they are different names.</summary>
    private static int? MisspellingDistance(string name, string known)
    {
        var a = Words(name);
        var b = Words(known);
        if (string.Concat(a) == string.Concat(b)) return 0;
        if (a.Length != b.Length) return null;
        int? changed = null;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            if (changed is not null || a[i].Any(char.IsDigit) || b[i].Any(char.IsDigit)) return null;
            var longer = Math.Max(a[i].Length, b[i].Length);
            var distance = EditDistance(a[i], b[i]);
            if (longer < 4 || distance * 3 > longer) return null;
            changed = distance;
        }
        return changed;
    }

    private static string[] Words(string name) =>
        name.ToLowerInvariant().Split(name.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        for (var j = 1; j <= b.Length; j++)
        {
            var cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}
