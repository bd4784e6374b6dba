using System.Text.Json;

namespace CommunitySafety.Data.ActionPlan;

/// <summary>What importing a plan file would do to the year's plan in the database, item by item, in sentences.</summary>
public sealed record PlanChanges(IReadOnlyList<string> Added, IReadOnlyList<string> Changed, IReadOnlyList<string> Retired)
{
    public bool None => Added.Count == 0 && Changed.Count == 0 && Retired.Count == 0;

    /// <summary>
    /// Priorities are matched by number, objectives by their text, actions by their ref or else their text,
    /// projects and communication items by name; an item in the database that the file does not hold is retired.
    /// </summary>
    public static PlanChanges Compare(PlanDocument? before, PlanDocument after)
    {
        var added = new List<string>();
        var changed = new List<string>();
        var retired = new List<string>();
        if (before is null)
        {
            added.AddRange(after.Priorities.Select(p => $"Priority {p.Number} - {p.Name}, with {p.Objectives.Count} objectives and {p.Objectives.Sum(o => o.Actions.Count)} actions"));
            added.AddRange((after.Opcc?.Projects ?? []).Select(p => $"OPCC project \"{Short(p.Name)}\""));
            return new PlanChanges(added, changed, retired);
        }

        if (before.Title != after.Title) changed.Add($"The title, to \"{Short(after.Title)}\"");
        if (!Same(before.CrossCuttingPriorities ?? [], after.CrossCuttingPriorities ?? [])) changed.Add("The cross-cutting priorities");
        if (!Same(before.BusinessAsUsual ?? [], after.BusinessAsUsual ?? [])) changed.Add("The business as usual list");
        if (!Same(before.CommunicationPlan ?? [], after.CommunicationPlan ?? [])) changed.Add("The communication and engagement plan");
        if ((before.Opcc?.Allocation ?? 0) != (after.Opcc?.Allocation ?? 0) || before.Opcc?.AllocationNote != after.Opcc?.AllocationNote)
            changed.Add($"The OPCC allocation, to £{after.Opcc?.Allocation ?? 0:N2}");

        Match(before.Priorities, after.Priorities, p => p.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            p => $"Priority {p.Number} - {p.Name}",
            (b, a) => Same(b with { Objectives = [] }, a with { Objectives = [] }), added, changed, retired);

        var objectivesBefore = Objectives(before);
        var objectivesAfter = Objectives(after);
        Match(objectivesBefore, objectivesAfter, o => $"{o.Priority}|{o.Objective.Text}", o => $"Objective \"{Short(o.Objective.Text)}\" (priority {o.Priority})",
            (b, a) => Same(b.Objective with { Actions = [] }, a.Objective with { Actions = [] }), added, changed, retired);

        var actionsBefore = Actions(before);
        var actionsAfter = Actions(after);
        Match(actionsBefore, actionsAfter, a => a.Action.Ref ?? $"{a.Priority}|{a.Action.Text}", a => $"Action \"{Short(a.Action.Text)}\" (priority {a.Priority})",
            (b, a) => Same(b.Action, a.Action) && b.Objective == a.Objective, added, changed, retired);

        Match(before.Opcc?.Projects ?? [], after.Opcc?.Projects ?? [], p => p.Name, p => $"OPCC project \"{Short(p.Name)}\"",
            (b, a) => Same(b, a), added, changed, retired);
        return new PlanChanges(added, changed, retired);
    }

    private sealed record PlacedObjective(int Priority, ObjectiveDocument Objective);

    private sealed record PlacedAction(int Priority, string Objective, ActionDocument Action);

    private static List<PlacedObjective> Objectives(PlanDocument plan) =>
        plan.Priorities.SelectMany(p => p.Objectives.Select(o => new PlacedObjective(p.Number, o))).ToList();

    private static List<PlacedAction> Actions(PlanDocument plan) =>
        plan.Priorities.SelectMany(p => p.Objectives.SelectMany(o => o.Actions.Select(a => new PlacedAction(p.Number, o.Text, a)))).ToList();

    private static void Match<T>(
        IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key, Func<T, string> name, Func<T, T, bool> same,
        List<string> added, List<string> changed, List<string> retired)
    {
        var old = before.GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        var keys = new HashSet<string>();
        foreach (var item in after)
        {
            var k = key(item);
            if (!keys.Add(k)) continue;
            if (!old.TryGetValue(k, out var was)) added.Add(name(item));
            else if (!same(was, item)) changed.Add(name(item));
        }
        retired.AddRange(old.Where(o => !keys.Contains(o.Key)).Select(o => name(o.Value)));
    }

    private static bool Same<T>(T a, T b) =>
        JsonSerializer.Serialize(a, PlanDocument.JsonOptions) == JsonSerializer.Serialize(b, PlanDocument.JsonOptions);

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 70 ? line : line[..67] + "...";
    }
}
