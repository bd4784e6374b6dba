using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Figures;

/// <summary>
/// Something the figures count: which facts it takes, and which covered months can answer it at all
/// (a police.uk month has data, but cannot say how many incidents were domestic).
/// </summary>
internal sealed record FigureMeasure(string Name, Func<MonthlyFact, bool> Includes, Func<MonthCoverage, bool> Answers)
{
    public const string AsbName = "asb";
    public const string CrimeName = "crime";
    public const string DomesticName = "domestic";

    public static readonly FigureMeasure Asb = new(AsbName, f => f.Category == Category.Asb, _ => true);
    public static readonly FigureMeasure Crime = new(CrimeName, f => f.Category == Category.Crime, _ => true);

    /// <summary>Every fact flagged domestic, whatever its category.</summary>
    public static readonly FigureMeasure Domestic = new(DomesticName, f => f.Domestic, c => c.HasDomestic);

    public static FigureMeasure CrimeType(string name) =>
        new(name, f => f.Category == Category.Crime && Names.Same(f.CrimeType, name), _ => true);

    /// <summary>The same measure broken down by location type, which only some months can answer.</summary>
    public FigureMeasure ByLocationType()
    {
        var answers = Answers;
        return this with { Answers = c => answers(c) && c.HasLocationType };
    }

    /// <summary>"asb", "crime", "domestic" or a crime type in the facts (any case); null for anything else.</summary>
    public static FigureMeasure? Find(string? name, IEnumerable<MonthlyFact> facts)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = name.Trim();
        if (Names.Same(name, AsbName)) return Asb;
        if (Names.Same(name, CrimeName)) return Crime;
        if (Names.Same(name, DomesticName)) return Domestic;
        var crimeType = CrimeTypeNames(facts).FirstOrDefault(t => Names.Same(t, name));
        return crimeType is null ? null : CrimeType(crimeType);
    }

    /// <summary>The crime types in the facts, each once, spelt as first seen.</summary>
    public static IEnumerable<string> CrimeTypeNames(IEnumerable<MonthlyFact> facts) =>
        facts.Where(f => f.Category == Category.Crime && !Names.IsBlank(f.CrimeType))
            .Select(f => f.CrimeType!)
            .Distinct(Names.Comparer);
}
