using System.Collections;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// Every trend of one version of the data: month by month, the district's and each beat's ASB, crime and domestic
/// counts and each crime type's. Each month's counts are made once from that month's facts (see <see cref="Month"/>) and
/// kept by the next version while the month's facts are unchanged, so a change counts only the months it replaced.
/// Names are the facts' own (pooled) instances.
/// </summary>
internal sealed class TrendIndex
{
    internal enum Kind { Asb, Crime, Domestic, CrimeType }

    internal readonly record struct Key(string? Beat, Kind Kind, string? CrimeType);

    private readonly IReadOnlyDictionary<YearMonth, Month> _months;

    /// <param name="months">Each month's counts, by month.</param>
    public TrendIndex(IReadOnlyDictionary<YearMonth, Month> months)
    {
        _months = months;
    }

    /// <summary>Facts at hand (as a test has them), counted month by month.</summary>
    public TrendIndex(IEnumerable<MonthlyFact> facts)
        : this(facts.GroupBy(f => f.Month).ToDictionary(g => g.Key, g => new Month(g)))
    {
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
        return new Counts(_months, key);
    }

    /// <summary>One month's counts of every trend, from that month's facts alone.</summary>
    internal sealed class Month
    {
        private readonly Dictionary<Key, int> _counts = [];

        public Month(IEnumerable<MonthlyFact> facts)
        {
            foreach (var fact in facts)
            {
                Count(null, fact);
                Count(fact.Beat, fact);
            }
        }

        private void Count(string? beat, MonthlyFact fact)
        {
            if (fact.Category == Category.Asb) Add(new Key(beat, Kind.Asb, null), fact.Count);
            if (fact.Category == Category.Crime)
            {
                Add(new Key(beat, Kind.Crime, null), fact.Count);
                if (!Names.IsBlank(fact.CrimeType)) Add(new Key(beat, Kind.CrimeType, fact.CrimeType), fact.Count);
            }
            if (fact.Domestic) Add(new Key(beat, Kind.Domestic, null), fact.Count);
        }

        private void Add(Key key, int count) => _counts[key] = _counts.GetValueOrDefault(key) + count;

        internal bool TryGet(Key key, out int count) => _counts.TryGetValue(key, out count);
    }

    /// <summary>One trend's counts, read from the months' counts as asked: a month is there when it has a fact counted.</summary>
    private sealed class Counts(IReadOnlyDictionary<YearMonth, Month> months, Key key) : IReadOnlyDictionary<YearMonth, int>
    {
        public bool TryGetValue(YearMonth month, out int count)
        {
            count = 0;
            return months.TryGetValue(month, out var counts) && counts.TryGet(key, out count);
        }

        public int this[YearMonth month] => TryGetValue(month, out var count) ? count : throw new KeyNotFoundException($"No count in {month}.");

        public bool ContainsKey(YearMonth month) => TryGetValue(month, out _);

        public IEnumerable<YearMonth> Keys => this.Select(p => p.Key);

        public IEnumerable<int> Values => this.Select(p => p.Value);

        public int Count => months.Values.Count(counts => counts.TryGet(key, out _));

        public IEnumerator<KeyValuePair<YearMonth, int>> GetEnumerator()
        {
            foreach (var (month, counts) in months.OrderBy(m => m.Key))
                if (counts.TryGet(key, out var count))
                    yield return new KeyValuePair<YearMonth, int>(month, count);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
