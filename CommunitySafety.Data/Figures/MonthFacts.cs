using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// One month's live facts, grouped once: by beat, its crime types and its trend counts. A version of the data keeps
/// the previous version's groups of every month whose facts the read kept, and groups only the months a change replaced.
/// </summary>
internal sealed class MonthFacts
{
    private readonly Dictionary<string, List<MonthlyFact>> _byBeat = new(StringComparer.Ordinal);
    private readonly HashSet<string> _crimeTypes = new(StringComparer.Ordinal);

    public MonthFacts(IReadOnlyList<MonthlyFact> facts)
    {
        Facts = facts;
        // The names are pooled (one instance per name whatever its case), so they compare ordinally.
        foreach (var fact in facts)
        {
            if (!_byBeat.TryGetValue(fact.Beat, out var ofBeat)) _byBeat.Add(fact.Beat, ofBeat = []);
            ofBeat.Add(fact);
            if (fact.Category == Category.Crime && !Names.IsBlank(fact.CrimeType)) _crimeTypes.Add(fact.CrimeType!);
        }
        Trends = new TrendIndex.Month(facts);
    }

    /// <summary>The month's facts, the very list the read gave: the same list is the same facts.</summary>
    public IReadOnlyList<MonthlyFact> Facts { get; }

    public IEnumerable<string> Beats => _byBeat.Keys;

    public IEnumerable<string> CrimeTypes => _crimeTypes;

    public TrendIndex.Month Trends { get; }

    /// <summary>The facts of the whole area (null) or of one beat spelt as the data spells it.</summary>
    public IReadOnlyList<MonthlyFact> Of(string? beat) =>
        beat is null ? Facts : _byBeat.TryGetValue(beat, out var facts) ? facts : [];
}
