using System.Globalization;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>
/// A project's row of a quarter's return as typed in the page: cost and RAG as the words typed, so that a
/// mistake can be answered with a sentence. <see cref="BasedOnVersion"/> is the version the editor started from.
/// </summary>
public sealed record ReturnEdit(
    int ProjectId,
    int Quarter,
    int BasedOnVersion,
    string? Rationale,
    string? ActivitiesToDate,
    string? SuccessMeasuresProposed,
    string? SuccessToDate,
    string? CostToDate,
    string? CostBreakdown,
    string? Rag,
    string? Notes);

public sealed record SaveOutcome(bool Saved, IReadOnlyList<string> Problems)
{
    public static SaveOutcome Refused(params string[] problems) => new(false, problems);
}

/// <summary>Checks of what an officer types into a return, one sentence per problem.</summary>
public static class ReturnEditing
{
    public const int MaxTextLength = 4000;
    private const decimal MaxAmount = 10_000_000m;

    public static readonly IReadOnlyList<(string Name, Func<ReturnEdit, string?> Value)> TextColumns =
    [
        ("The rationale", e => e.Rationale),
        ("The work carried out to date", e => e.ActivitiesToDate),
        ("The success measures proposed", e => e.SuccessMeasuresProposed),
        ("The success measures to date", e => e.SuccessToDate),
        ("The cost breakdown", e => e.CostBreakdown),
        ("The additional notes", e => e.Notes),
    ];

    /// <summary>Reads "2107", "2,107.50" or "£2,107"; empty means no cost given. False with a sentence otherwise.</summary>
    public static bool TryParseCost(string? text, out decimal? cost, out string? problem)
    {
        cost = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var cleaned = text.Trim().Replace("£", "").Replace(",", "").Trim();
        if (!decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            problem = $"The cost to date '{text.Trim()}' is not an amount of money: write it in pounds, such as 2107 or 2,107.50.";
            return false;
        }
        if (amount < 0) problem = "The cost to date cannot be less than £0: it is the total spent on the project so far.";
        else if (decimal.Round(amount, 2) != amount) problem = "The cost to date has more than two decimal places: write pounds and pence, such as 2107.50.";
        else if (amount > MaxAmount) problem = $"The cost to date of £{amount:N2} is far more than any project's budget: check the amount.";
        if (problem is not null) return false;
        cost = amount;
        return true;
    }

    /// <summary>Red, Amber or Green in any case; empty means not rated. False with a sentence otherwise.</summary>
    public static bool TryParseRag(string? text, out Rag? rag, out string? problem)
    {
        rag = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (Enum.TryParse<Rag>(text.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text.Trim(), out _))
        {
            rag = parsed;
            return true;
        }
        problem = $"The RAG '{text.Trim()}' is not one the OPCC uses: choose Red, Amber or Green, or leave it empty.";
        return false;
    }

    /// <summary>Every problem with the typed values, one sentence each; empty when they can be saved.</summary>
    public static IReadOnlyList<string> Problems(ReturnEdit edit)
    {
        var problems = new List<string>();
        if (!TryParseCost(edit.CostToDate, out _, out var costProblem)) problems.Add(costProblem!);
        if (!TryParseRag(edit.Rag, out _, out var ragProblem)) problems.Add(ragProblem!);
        foreach (var (name, value) in TextColumns)
            if (value(edit) is { Length: > MaxTextLength } text)
                problems.Add($"{name} is {text.Length:N0} characters long; keep it under {MaxTextLength:N0}.");
        return problems;
    }

}
