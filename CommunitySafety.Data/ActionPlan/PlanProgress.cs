using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

// A plan going out as a file: the plan itself (the interchange shape, PlanDocument) and, when asked for, one
// quarter's progress of each action beside it.

/// <summary>Where an action sits in a <see cref="PlanDocument"/>: the priority's number, then the objective's and the action's place (from 0).</summary>
public readonly record struct ActionPosition(int Priority, int Objective, int Action);

/// <summary>A success measure's value in the quarter, as the lead recorded it.</summary>
public sealed record ExportedMeasureValue(string Measure, string Value);

/// <summary>An action's progress in one quarter: the status as a word, the progress note and the success measures' values.</summary>
public sealed record ExportedProgress(string? Rag, string? Note, IReadOnlyList<ExportedMeasureValue> MeasureValues);

/// <summary>One quarter's progress of the plan's actions; actions with none are not in <see cref="Actions"/>.</summary>
public sealed record PlanProgress(int Quarter, IReadOnlyDictionary<ActionPosition, ExportedProgress> Actions)
{
    /// <summary>
    /// Each action's progress in the quarter as its lead recorded it (status, note, the values of its recorded measures);
    /// an action with none recorded has its OPCC project's return row of the quarter (its RAG, and what was done and
    /// achieved to date), when a project delivers it. Positions count the items still in the plan, as the file shows them.
    /// </summary>
    public static PlanProgress Of(PlanYear plan, int quarter, IReadOnlyList<PartnershipMeasure> measures)
    {
        var byName = measures.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        FinancialQuarter.TryParseYear(plan.FinancialYear, out var startYear);
        var actions = new Dictionary<ActionPosition, ExportedProgress>();
        foreach (var priority in plan.Priorities.Where(p => p.RetiredAt is null))
        {
            foreach (var (objective, o) in priority.Objectives.Where(o => o.RetiredAt is null).OrderBy(o => o.Position).Select((x, i) => (x, i)))
            {
                foreach (var (action, a) in objective.Actions.Where(a => a.RetiredAt is null).OrderBy(a => a.Position).Select((x, i) => (x, i)))
                {
                    var values = action.Measures.Where(m => m.Kind == MeasureKind.Partnership && m.Name is not null)
                        .Select(m => byName.GetValueOrDefault(m.Name!))
                        .Where(m => m is not null)
                        .Select(m => (m!.Name, Value: PartnershipFigures.ValueAt(m, new FinancialQuarter(startYear, quarter))))
                        .Where(v => v.Value is not null)
                        .Select(v => new ExportedMeasureValue(v.Name, v.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                        .ToList();
                    if (ProgressBook.LatestFor(action.Progress, quarter) is { } recorded)
                    {
                        actions[new ActionPosition(priority.Number, o, a)] = new ExportedProgress(
                            recorded.Status is null ? null : RagWords.Word(recorded.Status), Blank(recorded.Note), values);
                        continue;
                    }
                    var row = plan.Projects.Where(p => p.ActionId == action.Id)
                        .Select(p => ReturnBook.LatestFor(p.Returns, quarter)).FirstOrDefault(r => r is not null);
                    if (row is null && values.Count == 0) continue;
                    var note = row is null ? "" : string.Join("\n", new[] { row.ActivitiesToDate, row.SuccessToDate is null ? null : $"Success to date: {row.SuccessToDate}" }
                        .Where(t => !string.IsNullOrWhiteSpace(t)));
                    actions[new ActionPosition(priority.Number, o, a)] = new ExportedProgress(
                        row?.Rag is null ? null : RagWords.Word(row.Rag), Blank(note), values);
                }
            }
        }
        return new PlanProgress(quarter, actions);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>A plan to write as a file, with a quarter's progress when one was asked for.</summary>
public sealed record PlanExport(PlanDocument Plan, PlanProgress? Progress = null);
