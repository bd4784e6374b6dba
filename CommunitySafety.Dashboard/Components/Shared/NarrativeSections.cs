using CommunitySafety.Data.Figures;

namespace CommunitySafety.Dashboard.Components.Shared;

/// <summary>The summary's narrative split as the council's report prints it: the ASB section, then the crime section.</summary>
public sealed record NarrativeSections(IReadOnlyList<string> Asb, IReadOnlyList<string> Crime)
{
    public static NarrativeSections Of(Summary summary)
    {
        // The narrative tells ASB first, then crime; every ASB sentence names ASB, no crime sentence does.
        // A warning about missing months is left out: the page shows that itself.
        var sentences = summary.DataComplete ? summary.Narrative : summary.Narrative.Skip(1).ToList();
        var asb = sentences.TakeWhile(MentionsAsb).ToList();
        return new NarrativeSections(asb, sentences.Skip(asb.Count).ToList());
    }

    private static bool MentionsAsb(string sentence) => sentence.Contains("ASB", StringComparison.Ordinal);
}
