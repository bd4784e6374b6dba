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

    // ---- an action's quarterly status: the same words, with Not started and Complete ----

    public const string NotUpdated = "Not updated";

    /// <summary>The statuses an action's progress can be given, in the order a lead chooses from.</summary>
    public static readonly IReadOnlyList<ProgressStatus> Statuses =
        [ProgressStatus.NotStarted, ProgressStatus.Red, ProgressStatus.Amber, ProgressStatus.Green, ProgressStatus.Complete];

    /// <summary>"Not started", "Red", "Amber", "Green", "Complete", or "Not updated" for none.</summary>
    public static string Word(ProgressStatus? status) => status switch
    {
        null => NotUpdated,
        ProgressStatus.NotStarted => "Not started",
        _ => status.Value.ToString(),
    };

    /// <summary>What each status says of the action, as the lead chooses it.</summary>
    public static string Meaning(ProgressStatus? status) => status switch
    {
        ProgressStatus.NotStarted => "Not started: work has not begun",
        ProgressStatus.Red => "Red: not significantly achieved",
        ProgressStatus.Amber => "Amber: partially achieved",
        ProgressStatus.Green => "Green: achieved so far",
        ProgressStatus.Complete => "Complete: the action is finished",
        _ => "Not updated for this quarter yet",
    };

    /// <summary>Reads "Not started", "not-started", "green" and the like; false for an unknown word. Empty is no status.</summary>
    public static bool TryParseStatus(string? word, out ProgressStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(word)) return true;
        var squeezed = word.Trim().Replace(" ", "").Replace("-", "").Replace("_", "");
        if (int.TryParse(squeezed, out _) || !Enum.TryParse<ProgressStatus>(squeezed, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            return false;
        status = parsed;
        return true;
    }
}
