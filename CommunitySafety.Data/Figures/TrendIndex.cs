using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// Every trend of one version of the data, counted in one pass over its facts: month by month, the district's and
/// each beat's ASB, crime and domestic counts and each crime type's. Names are the facts' own (pooled) instances.
/// </summary>
internal sealed class TrendIndex
{
    private enum Kind { Asb, Crime, Domestic, CrimeType }

    private readonly record struct Key(string? Beat, Kind Kind, string? CrimeType);

    private static readonly IReadOnlyDictionary<YearMonth, int> None = new Dictionary<YearMonth, int>();

    private readonly Dictionary<Key, Dictionary<YearMonth, int>> _totals = [];

    public TrendIndex(IEnumerable<MonthlyFact> facts)
    {
        foreach (var fact in facts)
        {
            Count(null, fact);
            Count(fact.Beat, fact);
        }
    }

    private void Count(string? beat, MonthlyFact fact)
    {
        if (fact.Category == Category.Asb) Add(new Key(beat, Kind.Asb, null), fact);
        if (fact.Category == Category.Crime)
        {
            Add(new Key(beat, Kind.Crime, null), fact);
            if (!Names.IsBlank(fact.CrimeType)) Add(new Key(beat, Kind.CrimeType, fact.CrimeType), fact);
        }
        if (fact.Domestic) Add(new Key(beat, Kind.Domestic, null), fact);
    }

    private void Add(Key key, MonthlyFact fact)
    {
        if (!_totals.TryGetValue(key, out var months)) _totals.Add(key, months = []);
        months[fact.Month] = months.GetValueOrDefault(fact.Month) + fact.Count;
    }

    /// <summary>
    /// The month-by-month counts of <paramref name="measure"/> (asb, crime, domestic or a crime type spelt as the facts
    /// spell it) in <paramref name="beat"/> (spelt as the facts spell it; null: the district).
    /// </summary>
    public IReadOnlyDictionary<YearMonth, int> Totals(string? beat, FigureMeasure measure)
    {
        var key = ReferenceEquals(measure, FigureMeasure.Asb) ? new Key(beat, Kind.Asb, null)
            : ReferenceEquals(measure, FigureMeasure.Crime) ? new Key(beat, Kind.Crime, null)
            : ReferenceEquals(measure, FigureMeasure.Domestic) ? new Key(beat, Kind.Domestic, null)
            : new Key(beat, Kind.CrimeType, measure.Name);
        return _totals.TryGetValue(key, out var months) ? months : None;
    }
}
