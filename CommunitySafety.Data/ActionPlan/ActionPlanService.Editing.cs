using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.ActionPlan;

// The Manager's edits of the plan: every one through WriteAsync, each changed field kept in PlanEdits as before and after.
public sealed partial class ActionPlanService
{
    private const string OnlyManager = "Only a Manager can change the plan.";

    public async Task<PlanEditorView?> GetEditorAsync(string financialYear, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, financialYear, cancellationToken) is not { } plan) return null;
        var actions = AllActions(plan).ToDictionary(a => a.Id);
        var reportedActions = AllActions(plan).Where(a => a.Progress.Any(p => !p.CarriedOver)).Select(a => a.Id).ToHashSet();
        return new PlanEditorView(
            plan.FinancialYear,
            plan.Title,
            ReturnBook.OpenQuarter(plan),
            plan.Priorities.OrderBy(p => p.Number).Select(p => new PriorityEditorView(
                p.Id, p.Number, p.Name, p.Description, p.FocusAreas, p.LinksToOtherPlans, p.Funding, p.RetiredAt is not null,
                p.HeadlineIndicators.OrderBy(i => i.Position).Select(i => new IndicatorEditorView(i.Id, i.Text, i.Measures, i.LinksConfirmed)).ToList(),
                p.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveEditorView(o.Id, o.Text, o.RetiredAt is not null,
                    o.Actions.OrderBy(a => a.Position).Select(a => new ActionEditorView(
                        a.Id, a.Text, a.SuccessMeasures, a.Lead, a.Funding, a.FundingAmount, a.Deadline, a.LinkedPlans, a.Measures,
                        a.LinksConfirmed, a.RetiredAt is not null, reportedActions.Contains(a.Id))).ToList())).ToList())).ToList(),
            plan.Projects.OrderBy(p => p.Position).Select(p => new ProjectEditorView(
                p.Id, p.Name, p.ActionId, p.ActionId is { } id && actions.TryGetValue(id, out var action) ? action.Text : null,
                ProjectLead(plan, p), p.RetiredAt is not null, p.Returns.Count > 0)).ToList());
    }

    public Task<SaveOutcome> SavePriorityAsync(string financialYear, PriorityEdit edit, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, PlanEditing.Problems(edit), "a priority", async (db, plan, now) =>
        {
            PlanPriority priority;
            if (edit.Id is { } id)
            {
                if (plan.Priorities.FirstOrDefault(p => p.Id == id) is not { } found) return Gone();
                priority = found;
            }
            else
            {
                priority = new PlanPriority
                {
                    Number = plan.Priorities.Select(p => p.Number).DefaultIfEmpty(0).Max() + 1, Name = edit.Name!.Trim(), Description = edit.Description!.Trim(),
                };
                plan.Priorities.Add(priority);
                await SaveToLearnIdsAsync(db, cancellationToken);
                Record(db, plan, PlanItemKind.Priority, priority.Id, "Added", null, priority.Name, editor, now);
            }
            var history = new History(db, plan, PlanItemKind.Priority, priority.Id, editor, now);
            priority.Name = history.Set("Name", priority.Name, edit.Name!.Trim())!;
            priority.Description = history.Set("Description", priority.Description, edit.Description!.Trim())!;
            var focus = PlanEditing.Lines(edit.FocusAreas);
            history.Set("Focus areas", PlanEditing.Joined(priority.FocusAreas), PlanEditing.Joined(focus));
            priority.FocusAreas = [.. focus];
            priority.LinksToOtherPlans = history.Set("Links to other plans", priority.LinksToOtherPlans, PlanEditing.Clean(edit.LinksToOtherPlans));
            priority.Funding = history.Set("Funding", priority.Funding, PlanEditing.Clean(edit.Funding));
            return Edited($"Priority {priority.Number} ({priority.Name})", editor);
        }, cancellationToken);

    public Task<SaveOutcome> SaveObjectiveAsync(string financialYear, ObjectiveEdit edit, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, PlanEditing.Problems(edit), "an objective", async (db, plan, now) =>
        {
            if (plan.Priorities.FirstOrDefault(p => p.Id == edit.PriorityId) is not { } priority) return Gone();
            PlanObjective objective;
            if (edit.Id is { } id)
            {
                if (priority.Objectives.FirstOrDefault(o => o.Id == id) is not { } found) return Gone();
                objective = found;
            }
            else
            {
                objective = new PlanObjective { Position = NextPosition(priority.Objectives.Select(o => o.Position)), Text = edit.Text!.Trim() };
                priority.Objectives.Add(objective);
                await SaveToLearnIdsAsync(db, cancellationToken);
                Record(db, plan, PlanItemKind.Objective, objective.Id, "Added", null, objective.Text, editor, now);
            }
            objective.Text = new History(db, plan, PlanItemKind.Objective, objective.Id, editor, now).Set("Objective", objective.Text, edit.Text!.Trim())!;
            return Edited($"The objective '{Short(objective.Text)}'", editor);
        }, cancellationToken);

    public Task<SaveOutcome> SaveActionAsync(string financialYear, ActionEdit edit, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, PlanEditing.Problems(edit), "an action", async (db, plan, now) =>
        {
            if (plan.Priorities.SelectMany(p => p.Objectives).FirstOrDefault(o => o.Id == edit.ObjectiveId) is not { } objective) return Gone();
            PlanAction action;
            if (edit.Id is { } id)
            {
                if (objective.Actions.FirstOrDefault(a => a.Id == id) is not { } found) return Gone();
                action = found;
            }
            else
            {
                action = new PlanAction { Position = NextPosition(objective.Actions.Select(a => a.Position)), Text = edit.Text!.Trim(), LinksConfirmed = true };
                objective.Actions.Add(action);
                await SaveToLearnIdsAsync(db, cancellationToken);
                Record(db, plan, PlanItemKind.Action, action.Id, "Added", null, action.Text, editor, now);
            }
            var history = new History(db, plan, PlanItemKind.Action, action.Id, editor, now);
            action.Text = history.Set("Action", action.Text, edit.Text!.Trim())!;
            var measures = PlanEditing.Lines(edit.SuccessMeasures);
            history.Set("Success measures", PlanEditing.Joined(action.SuccessMeasures), PlanEditing.Joined(measures));
            action.SuccessMeasures = [.. measures];
            action.Lead = history.Set("Lead", action.Lead, PlanEditing.Clean(edit.Lead));
            action.Funding = history.Set("Funding", action.Funding, PlanEditing.Clean(edit.Funding));
            ReturnEditing.TryParseCost(edit.FundingAmount, out var amount, out _);
            history.Set("Funding amount", action.FundingAmount is { } a ? Words.WholePounds(a) : null, amount is { } b ? Words.WholePounds(b) : null);
            action.FundingAmount = amount;
            action.Deadline = history.Set("Deadline", action.Deadline, PlanEditing.Clean(edit.Deadline));
            action.LinkedPlans = history.Set("Linked plans", action.LinkedPlans, PlanEditing.Clean(edit.LinkedPlans));
            return Edited($"The action '{Short(action.Text)}'", editor);
        }, cancellationToken);

    public Task<SaveOutcome> SaveProjectAsync(string financialYear, ProjectEdit edit, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, PlanEditing.Problems(edit), "an OPCC project", async (db, plan, now) =>
        {
            if (edit.ActionId is { } actionId)
            {
                if (AllActions(plan).All(a => a.Id != actionId)) return Gone();
                if (plan.Projects.FirstOrDefault(p => p.ActionId == actionId && p.Id != edit.Id && p.RetiredAt is null) is { } other)
                    return PlanWrite.Refused($"The project {other.Name} already delivers that action; an action has one OPCC project.");
            }
            var name = edit.Name!.Trim();
            if (plan.Projects.Any(p => p.Id != edit.Id && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                return PlanWrite.Refused($"There is already a project called {name}; give this one a name of its own.");
            OpccProject project;
            if (edit.Id is { } id)
            {
                if (plan.Projects.FirstOrDefault(p => p.Id == id) is not { } found) return Gone();
                project = found;
            }
            else
            {
                project = new OpccProject { Position = NextPosition(plan.Projects.Select(p => p.Position)), Name = name };
                plan.Projects.Add(project);
                await SaveToLearnIdsAsync(db, cancellationToken);
                Record(db, plan, PlanItemKind.Project, project.Id, "Added", null, name, editor, now);
            }
            var history = new History(db, plan, PlanItemKind.Project, project.Id, editor, now);
            project.Name = history.Set("Name", project.Name, name)!;
            string? ActionText(int? actionId) => AllActions(plan).FirstOrDefault(a => a.Id == actionId)?.Text is { } text ? Short(text) : null;
            history.Set("Delivers the action", ActionText(project.ActionId), ActionText(edit.ActionId));
            project.ActionId = edit.ActionId;
            return Edited($"The OPCC project {project.Name}", editor);
        }, cancellationToken);

    /// <summary>Moves an item one place up (-1) or down (+1) among its own: priorities by number, the others by position.</summary>
    public Task<SaveOutcome> MoveAsync(string financialYear, PlanItem item, int by, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, [], "the plan's order", (db, plan, now) =>
        {
            var history = new History(db, plan, item.Kind, item.Id, editor, now);
            bool moved;
            if (item.Kind == PlanItemKind.Priority)
                moved = Swap(plan.Priorities, item.Id, by, p => p.Id, p => p.Number, (p, n) => p.Number = n, history);
            else if (item.Kind == PlanItemKind.Objective && plan.Priorities.FirstOrDefault(p => p.Objectives.Any(o => o.Id == item.Id)) is { } priority)
                moved = Swap(priority.Objectives, item.Id, by, o => o.Id, o => o.Position, (o, n) => o.Position = n, history);
            else if (item.Kind == PlanItemKind.Action && plan.Priorities.SelectMany(p => p.Objectives).FirstOrDefault(o => o.Actions.Any(a => a.Id == item.Id)) is { } objective)
                moved = Swap(objective.Actions, item.Id, by, a => a.Id, a => a.Position, (a, n) => a.Position = n, history);
            else if (item.Kind == PlanItemKind.Project && plan.Projects.Any(p => p.Id == item.Id))
                moved = Swap(plan.Projects, item.Id, by, p => p.Id, p => p.Position, (p, n) => p.Position = n, history);
            else return Task.FromResult(Gone());
            return Task.FromResult(moved
                ? Edited($"The plan's order", editor)
                : PlanWrite.Refused(by < 0 ? "It is already first." : "It is already last."));
        }, cancellationToken);

    /// <summary>Retires an item (it leaves the plan, its history and reports stay) or brings a retired one back.</summary>
    public Task<SaveOutcome> RetireAsync(string financialYear, PlanItem item, bool retire, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, [], "whether an item is retired", (db, plan, now) =>
        {
            var (name, setRetired, retiredAt) = item.Kind switch
            {
                PlanItemKind.Priority when plan.Priorities.FirstOrDefault(p => p.Id == item.Id) is { } p =>
                    ($"Priority {p.Number} ({p.Name})", (Action<DateTimeOffset?>)(at => p.RetiredAt = at), p.RetiredAt),
                PlanItemKind.Objective when plan.Priorities.SelectMany(p => p.Objectives).FirstOrDefault(o => o.Id == item.Id) is { } o =>
                    ($"The objective '{Short(o.Text)}'", at => o.RetiredAt = at, o.RetiredAt),
                PlanItemKind.Action when AllActions(plan).FirstOrDefault(a => a.Id == item.Id) is { } a =>
                    ($"The action '{Short(a.Text)}'", at => a.RetiredAt = at, a.RetiredAt),
                PlanItemKind.Project when plan.Projects.FirstOrDefault(p => p.Id == item.Id) is { } p =>
                    ($"The OPCC project {p.Name}", at => p.RetiredAt = at, p.RetiredAt),
                _ => ((string?)null, (Action<DateTimeOffset?>?)null, (DateTimeOffset?)null),
            };
            if (name is null || setRetired is null) return Task.FromResult(Gone());
            if (retire == retiredAt is not null) return Task.FromResult(PlanWrite.Refused(retire ? $"{name} is already retired." : $"{name} is not retired."));
            setRetired(retire ? now : null);
            Record(db, plan, item.Kind, item.Id, "Retired", retire ? "no" : "yes", retire ? "yes" : "no", editor, now);
            return Task.FromResult(Edited(name, editor, retire ? "retired" : "brought back"));
        }, cancellationToken);

    /// <summary>Sets the figures an action or a headline indicator is linked to; saving confirms them, even unchanged.</summary>
    public Task<SaveOutcome> SetLinksAsync(string financialYear, PlanItem item, IReadOnlyList<MeasureLink> links, Person editor, CancellationToken cancellationToken = default) =>
        EditPlanAsync(financialYear, editor, [], "the figures linked to an item", async (db, plan, now) =>
        {
            var known = await db.PartnershipMeasures.Select(m => m.Name).ToListAsync(cancellationToken);
            if (links.FirstOrDefault(l => l.Kind == MeasureKind.Partnership && !known.Contains(l.Name ?? "", StringComparer.OrdinalIgnoreCase)) is { } unknown)
                return PlanWrite.Refused($"There is no partnership measure called {unknown.Name}; add it on the measures page first.");
            var distinct = links.DistinctBy(LinkedFigures.Key, StringComparer.OrdinalIgnoreCase).Select(l => l.Copy()).ToList();
            var history = new History(db, plan, item.Kind, item.Id, editor, now);
            switch (item.Kind)
            {
                case PlanItemKind.Action when AllActions(plan).FirstOrDefault(a => a.Id == item.Id) is { } action:
                    history.Set("Linked figures", PlanEditing.Labels(action.Measures), PlanEditing.Labels(distinct));
                    history.Set("Links confirmed", action.LinksConfirmed ? "yes" : "no", "yes");
                    action.Measures = distinct;
                    action.LinksConfirmed = true;
                    return Edited($"The figures of the action '{Short(action.Text)}'", editor);
                case PlanItemKind.Indicator when plan.Priorities.SelectMany(p => p.HeadlineIndicators).FirstOrDefault(i => i.Id == item.Id) is { } indicator:
                    history.Set("Linked figures", PlanEditing.Labels(indicator.Measures), PlanEditing.Labels(distinct));
                    history.Set("Links confirmed", indicator.LinksConfirmed ? "yes" : "no", "yes");
                    indicator.Measures = distinct;
                    indicator.LinksConfirmed = true;
                    return Edited($"The figures of the headline indicator '{Short(indicator.Text)}'", editor);
                default:
                    return Gone();
            }
        }, cancellationToken);

    /// <summary>An item's history, newest first: its edits, and for an action its progress, for a project its return rows.</summary>
    public async Task<IReadOnlyList<PlanHistoryEntry>> GetHistoryAsync(string financialYear, PlanItem item, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, financialYear, cancellationToken) is not { } plan) return [];
        var edits = await db.PlanEdits.AsNoTracking()
            .Where(e => e.PlanYearId == plan.Id && e.Item == item.Kind && e.ItemId == item.Id)
            .ToListAsync(cancellationToken);
        var entries = edits.Select(e => new PlanHistoryEntry(e.At, e.By, e.Field, e.Before, e.After)).ToList();
        if (item.Kind == PlanItemKind.Action && AllActions(plan).FirstOrDefault(a => a.Id == item.Id) is { } action)
            entries.AddRange(action.Progress.OrderBy(p => p.Quarter).ThenBy(p => p.Version).Select(p => new PlanHistoryEntry(
                p.SavedAt, p.SavedBy, $"Q{p.Quarter} progress{(p.CarriedOver ? " (carried over)" : $", version {p.Version}")}", null,
                $"{RagWords.Word(p.Status)}{(p.Note is null ? "" : $": {p.Note}")}")));
        if (item.Kind == PlanItemKind.Project && plan.Projects.FirstOrDefault(p => p.Id == item.Id) is { } project)
            entries.AddRange(project.Returns.OrderBy(r => r.Quarter).ThenBy(r => r.Version).Select(r => new PlanHistoryEntry(
                r.SavedAt, r.SavedBy, $"Q{r.Quarter} return, version {r.Version}", null,
                $"RAG {RagWords.Word(r.Rag)}; cost to date {(r.CostToDate is { } cost ? Words.WholePounds(cost) : "not given")}")));
        return entries.OrderByDescending(e => e.At).ToList();
    }

    /// <summary>Every figure the data has for the period, to link an item to, in groups.</summary>
    public async Task<IReadOnlyList<FigureChoice>> GetFigureChoicesAsync(FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        var overview = await figures.GetOverviewAsync(cancellationToken);
        var summary = await figures.GetSummaryAsync(period, cancellationToken: cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var partnership = await db.PartnershipMeasures.Select(m => m.Name).ToListAsync(cancellationToken);

        var choices = new List<FigureChoice>();
        void Add(string group, MeasureLink link) => choices.Add(new FigureChoice(LinkedFigures.Key(link), group, LinkedFigures.Label(link), link));
        foreach (var kind in (MeasureKind[])[MeasureKind.Asb, MeasureKind.Crime, MeasureKind.Domestic]) Add("The district", new MeasureLink { Kind = kind });
        foreach (var type in overview.CrimeTypes) Add("Crime types", new MeasureLink { Kind = MeasureKind.CrimeType, Name = type });
        foreach (var beat in overview.Beats)
        foreach (var kind in (MeasureKind[])[MeasureKind.Asb, MeasureKind.Crime, MeasureKind.Domestic])
            Add("Beats", new MeasureLink { Kind = kind, Beat = beat });
        foreach (var (of, names) in new[] { (MeasureKind.Asb, summary.LocationTypes.Asb), (MeasureKind.Crime, summary.LocationTypes.Crime), (MeasureKind.Domestic, summary.LocationTypes.Domestic) })
        foreach (var name in names.Select(n => n.Name).Order(StringComparer.OrdinalIgnoreCase))
            Add("Location types", new MeasureLink { Kind = MeasureKind.LocationType, Of = of, Name = name });
        foreach (var name in partnership.Order(StringComparer.OrdinalIgnoreCase))
            Add("The partnership's own measures", new MeasureLink { Kind = MeasureKind.Partnership, Name = name });
        return choices;
    }

    /// <summary>A figure as an item linked to it would show it for the period.</summary>
    public async Task<LinkedFigure> PreviewFigureAsync(FinancialQuarter period, MeasureLink link, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await new FigureLookup(figures, period, await PartnershipMeasuresAsync(db, cancellationToken)).FindAsync(link, cancellationToken);
    }

    // ---- the pieces every edit shares ----------------------------------------------------------------------------

    /// <summary>A Manager's edit of the plan, checked first for the Manager and the typed values' problems, then written.</summary>
    private async Task<SaveOutcome> EditPlanAsync(
        string financialYear, Person editor, IReadOnlyList<string> problems, string what,
        Func<CommunitySafetyDb, PlanYear, DateTimeOffset, Task<PlanWrite>> edit, CancellationToken cancellationToken)
    {
        if (!editor.IsManager)
        {
            await audit.WriteAsync(editor.Actor, AuditKinds.PlanEdit, $"Change {what} of the {financialYear} plan", AuditOutcomes.Refused, cancellationToken);
            return SaveOutcome.Refused(OnlyManager);
        }
        if (problems.Count > 0) return new SaveOutcome(false, problems);
        return await WriteAsync(financialYear, editor, $"There is no plan for {financialYear}.", tracked: true, edit, cancellationToken);
    }

    private static PlanWrite Gone() => PlanWrite.Refused("That item is not in this year's plan any more; reload the page.");

    private static PlanWrite Edited(string what, Person editor, string done = "changed") =>
        PlanWrite.Done($"{what} {done} by {editor.Name}", AuditKinds.PlanEdit, $"{what} {done}");

    private static int NextPosition(IEnumerable<int> positions) => positions.DefaultIfEmpty(-1).Max() + 1;

    private static bool Swap<T>(List<T> items, int id, int by, Func<T, int> idOf, Func<T, int> orderOf, Action<T, int> setOrder, History history)
    {
        var ordered = items.OrderBy(orderOf).ToList();
        var at = ordered.FindIndex(i => idOf(i) == id);
        var other = at + Math.Sign(by);
        if (at < 0 || other < 0 || other >= ordered.Count) return false;
        var (mine, theirs) = (orderOf(ordered[at]), orderOf(ordered[other]));
        if (mine == theirs) theirs = mine + Math.Sign(by); // positions made equal by an old file: make them differ
        setOrder(ordered[at], theirs);
        setOrder(ordered[other], mine);
        history.Set("Place", $"{at + 1} of {ordered.Count}", $"{other + 1} of {ordered.Count}");
        return true;
    }

    private static void Record(CommunitySafetyDb db, PlanYear plan, PlanItemKind kind, int id, string field, string? before, string? after, Person by, DateTimeOffset at) =>
        db.PlanEdits.Add(new PlanEdit { PlanYearId = plan.Id, Item = kind, ItemId = id, Field = field, Before = before, After = after, By = by.Name, At = at });

    /// <summary>Records a field's change (when it changed) and gives the new value back to be set.</summary>
    private sealed class History(CommunitySafetyDb db, PlanYear plan, PlanItemKind kind, int id, Person by, DateTimeOffset at)
    {
        public string? Set(string field, string? before, string? after)
        {
            if (!string.Equals(before, after, StringComparison.Ordinal)) Record(db, plan, kind, id, field, before, after, by, at);
            return after;
        }
    }

    private static IEnumerable<PlanAction> AllActions(PlanYear plan) => plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions);

    /// <summary>The actions in the plan now: not retired, nor under a retired objective or priority.</summary>
    private static IEnumerable<PlanAction> ActiveActions(PlanYear plan) =>
        plan.Priorities.Where(p => p.RetiredAt is null).SelectMany(p => p.Objectives).Where(o => o.RetiredAt is null)
            .SelectMany(o => o.Actions).Where(a => a.RetiredAt is null);

    /// <summary>The plan as the pages show it: retired priorities, objectives, actions, indicators' owners and projects left out.</summary>
    private static PlanYear WithoutRetired(PlanYear plan)
    {
        plan.Priorities.RemoveAll(p => p.RetiredAt is not null);
        foreach (var priority in plan.Priorities)
        {
            priority.Objectives.RemoveAll(o => o.RetiredAt is not null);
            foreach (var objective in priority.Objectives) objective.Actions.RemoveAll(a => a.RetiredAt is not null);
        }
        plan.Projects.RemoveAll(p => p.RetiredAt is not null);
        return plan;
    }

    private static async Task<IReadOnlyDictionary<string, PartnershipMeasure>> PartnershipMeasuresAsync(CommunitySafetyDb db, CancellationToken cancellationToken) =>
        (await db.PartnershipMeasures.AsNoTracking().Include(m => m.Values).ToListAsync(cancellationToken))
            .ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    private static string Short(string text)
    {
        var firstLine = text.Split('\n')[0].Trim();
        return firstLine.Length <= 60 ? firstLine : firstLine[..57] + "...";
    }
}
