namespace CommunitySafety.Data.Model;

/// <summary>
/// The one vocabulary of RAG ratings: the word for each (never the colour alone), the OPCC form's meaning of each,
/// and "Not rated" for a row with none yet.
/// </summary>
public static class RagWords
{
    public const string NotRated = "Not rated";

    /// <summary>Every rating a filter or a count can show, in the form's order, then "Not rated".</summary>
    public static readonly IReadOnlyList<string> All = ["Red", "Amber", "Green", NotRated];

    /// <summary>The ratings a return row can be given, in the form's order.</summary>
    public static readonly IReadOnlyList<Rag> Ratings = [Rag.Red, Rag.Amber, Rag.Green];

    /// <summary>"Red", "Amber", "Green" or "Not rated".</summary>
    public static string Word(Rag? rag) => rag?.ToString() ?? NotRated;

    /// <summary>The OPCC form's own meanings: "Amber: partially achieved".</summary>
    public static string Meaning(Rag? rag) => rag switch
    {
        Rag.Red => "Red: not significantly achieved",
        Rag.Amber => "Amber: partially achieved",
        Rag.Green => "Green: achieved",
        _ => "Not rated yet",
    };

    /// <summary>The word in a spreadsheet cell of the return: blank where the row has no rating.</summary>
    public static string CellWord(Rag? rag) => rag?.ToString() ?? "";

    /// <summary>Reads "Red", "amber" and the like; empty or unknown is no rating.</summary>
    public static Rag? Parse(string? word) => Enum.TryParse<Rag>(word?.Trim(), ignoreCase: true, out var rag) && Enum.IsDefined(rag) ? rag : null;
}
