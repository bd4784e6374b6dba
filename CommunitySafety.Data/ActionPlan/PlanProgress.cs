using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.ActionPlan;

// A plan going out as a file: the plan itself (the interchange shape, PlanDocument) and, when asked for, one
// quarter's progress of each action beside it.

/// <summary>Where an action sits in a <see cref="PlanDocument"/>: the priority's number, then the objective's and the action's place (from 0).</summary>
public readonly record struct ActionPosition(int Priority, int Objective, int Action);

/// <summary>A success measure's value in the quarter, as the lead recorded it.</summary>
public sealed record MeasureValue(string Measure, string Value);

/// <summary>An action's progress in one quarter: the RAG as a word, the progress note and the success measures' values.</summary>
public sealed record ActionProgress(string? Rag, string? Note, IReadOnlyList<MeasureValue> MeasureValues);

/// <summary>One quarter's progress of the plan's actions; actions with none are not in <see cref="Actions"/>.</summary>
public sealed record PlanProgress(int Quarter, IReadOnlyDictionary<ActionPosition, ActionProgress> Actions)
{
    /// <summary>
    /// The progress the OPCC return holds: an action an OPCC project delivers has that project's row of the quarter
    /// (its RAG, and what was done and achieved to date). Actions without a project have none yet.
    /// </summary>
    public static PlanProgress FromReturns(PlanYear plan, int quarter)
    {
        var actions = new Dictionary<ActionPosition, ActionProgress>();
        foreach (var priority in plan.Priorities)
        {
            foreach (var (objective, o) in priority.Objectives.OrderBy(o => o.Position).Select((x, i) => (x, i)))
            {
                foreach (var (action, a) in objective.Actions.OrderBy(a => a.Position).Select((x, i) => (x, i)))
                {
                    var row = plan.Projects.Where(p => p.ActionId == action.Id)
                        .Select(p => ReturnBook.LatestFor(p.Returns, quarter)).FirstOrDefault(r => r is not null);
                    if (row is null) continue;
                    var note = string.Join("\n", new[] { row.ActivitiesToDate, row.SuccessToDate is null ? null : $"Success to date: {row.SuccessToDate}" }
                        .Where(t => !string.IsNullOrWhiteSpace(t)));
                    actions[new ActionPosition(priority.Number, o, a)] = new ActionProgress(
                        row.Rag is null ? null : RagWords.Word(row.Rag), note.Length == 0 ? null : note, []);
                }
            }
        }
        return new PlanProgress(quarter, actions);
    }
}

/// <summary>A plan to write as a file, with a quarter's progress when one was asked for.</summary>
public sealed record PlanExport(PlanDocument Plan, PlanProgress? Progress = null);
