using CommunitySafety.Data.Model;
namespace CommunitySafety.Data.ActionPlan;

/// <summary>Between the plan file's shape and the database's: loading a year, and copying one into the next.</summary>
public static class PlanConversion
{
    public const int FirstQuarter = 1;
    public const int LastQuarter = 4;

    /// <summary>Every problem with a plan file, one sentence each; empty when it can be loaded.</summary>
    public static IReadOnlyList<string> Problems(PlanDocument plan)
    {
        var problems = new List<string>();
        if (!Figures.FinancialQuarter.TryParseYear(plan.FinancialYear, out _))
            problems.Add($"The plan's year '{plan.FinancialYear}' is not a financial year like 2023-24.");
        if (plan.Priorities is null || plan.Priorities.Count == 0) problems.Add("The plan has no priorities.");
        var refs = (plan.Priorities ?? []).SelectMany(p => p.Objectives ?? []).SelectMany(o => o.Actions ?? [])
            .Where(a => a.Ref is not null).Select(a => a.Ref!).ToList();
        foreach (var duplicate in refs.GroupBy(r => r).Where(g => g.Count() > 1))
            problems.Add($"Two actions share the name '{duplicate.Key}'; each action's ref must be different.");
        foreach (var action in (plan.Priorities ?? []).SelectMany(p => p.Objectives ?? []).SelectMany(o => o.Actions ?? []))
            if (action.FundingAmount < 0) problems.Add($"The action '{Short(action.Text)}' has a negative funding amount.");
        if (plan.Opcc is { } opcc)
        {
            if (opcc.Allocation < 0) problems.Add("The OPCC allocation cannot be negative.");
            foreach (var project in opcc.Projects)
            {
                if (project.Action is not null && !refs.Contains(project.Action))
                    problems.Add($"The project '{project.Name}' names the action '{project.Action}', which no action has as its ref.");
                foreach (var row in project.Returns ?? [])
                {
                    if (row.Quarter is < FirstQuarter or > LastQuarter)
                        problems.Add($"The project '{project.Name}' has a return for quarter {row.Quarter}; a quarter is 1, 2, 3 or 4.");
                    if (row.CostToDate < 0) problems.Add($"The project '{project.Name}' has a negative cost to date in quarter {row.Quarter}.");
                }
                foreach (var twice in (project.Returns ?? []).GroupBy(r => r.Quarter).Where(g => g.Count() > 1))
                    problems.Add($"The project '{project.Name}' has more than one return for quarter {twice.Key}.");
            }
        }
        return problems;
    }

    /// <summary>The database rows of a plan file (check <see cref="Problems"/> first).</summary>
    public static PlanYear ToEntities(PlanDocument plan, string savedBy, DateTimeOffset at)
    {
        var actionsByRef = new Dictionary<string, PlanAction>();
        var year = new PlanYear
        {
            FinancialYear = plan.FinancialYear.Replace('/', '-'),
            Title = plan.Title,
            Source = plan.Source,
            CrossCuttingPriorities = [.. plan.CrossCuttingPriorities ?? []],
            BusinessAsUsual = [.. plan.BusinessAsUsual ?? []],
            Allocation = plan.Opcc?.Allocation ?? 0,
            AllocationNote = plan.Opcc?.AllocationNote,
            TranscriptionNotes = [.. plan.TranscriptionNotes ?? []],
            CreatedAt = at,
            CreatedBy = savedBy,
            Priorities = plan.Priorities.Select(p => new PlanPriority
            {
                Number = p.Number,
                Name = p.Name,
                Description = p.Description,
                FocusAreas = [.. p.FocusAreas ?? []],
                FocusNote = p.FocusNote,
                LinksToOtherPlans = p.LinksToOtherPlans,
                Funding = p.Funding,
                HeadlineIndicators = (p.HeadlineIndicators ?? []).Select((i, n) => new HeadlineIndicator
                {
                    Position = n, Text = i.Text, Measures = Links(i.Measures), MeasureNote = i.MeasureNote,
                }).ToList(),
                Objectives = p.Objectives.Select((o, n) => new PlanObjective
                {
                    Position = n,
                    Text = o.Text,
                    Measures = Links(o.Measures),
                    MeasureNote = o.MeasureNote,
                    Actions = o.Actions.Select((a, m) =>
                    {
                        var action = new PlanAction
                        {
                            Position = m,
                            Ref = a.Ref,
                            Text = a.Text,
                            SuccessMeasures = [.. a.SuccessMeasures ?? []],
                            Lead = Blank(a.Lead),
                            Funding = Blank(a.Funding),
                            FundingAmount = a.FundingAmount,
                            Measures = Links(a.Measures),
                            MeasureNote = a.MeasureNote,
                            Deadline = Blank(a.Deadline),
                            LinkedPlans = Blank(a.LinkedPlans),
                        };
                        if (a.Ref is not null) actionsByRef[a.Ref] = action;
                        return action;
                    }).ToList(),
                }).ToList(),
            }).ToList(),
            CommunicationPlan = (plan.CommunicationPlan ?? []).Select((c, n) => new CommunicationItem
            {
                Position = n, Description = c.Description, Audience = Blank(c.Audience), Channels = Blank(c.Channels),
                Owner = Blank(c.Owner), Deadline = Blank(c.Deadline),
            }).ToList(),
        };

        year.Projects = (plan.Opcc?.Projects ?? []).Select((p, n) => new OpccProject
        {
            Position = n,
            Name = p.Name,
            Action = p.Action is null ? null : actionsByRef.GetValueOrDefault(p.Action),
            Returns = (p.Returns ?? []).Select(r => new QuarterlyReturn
            {
                Quarter = r.Quarter,
                Version = 1,
                Rationale = Blank(r.Rationale),
                ActivitiesToDate = Blank(r.ActivitiesToDate),
                SuccessMeasuresProposed = Blank(r.SuccessMeasuresProposed),
                SuccessToDate = Blank(r.SuccessToDate),
                CostToDate = r.CostToDate,
                CostBreakdown = Blank(r.CostBreakdown),
                Rag = r.Rag,
                Notes = Blank(r.Notes),
                SavedBy = savedBy,
                SavedAt = at,
            }).ToList(),
        }).ToList();
        return year;
    }

    /// <summary>A year's plan as a file: the shape a new year's plan is written in, without retired items. Returns are left out when asked.</summary>
    public static PlanDocument ToDocument(PlanYear year, bool withReturns)
    {
        var actions = year.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).ToList();
        string? RefOf(PlanAction action) =>
            action.Ref ?? (year.Projects.Any(p => p.ActionId == action.Id) ? $"action-{action.Id}" : null);

        return new PlanDocument(
            year.FinancialYear,
            year.Title,
            year.Source,
            year.CrossCuttingPriorities,
            year.BusinessAsUsual,
            year.Priorities.Where(p => p.RetiredAt is null).OrderBy(p => p.Number).Select(p => new PriorityDocument(
                p.Number, p.Name, p.Description, p.FocusAreas, p.FocusNote,
                p.HeadlineIndicators.OrderBy(i => i.Position).Select(i => new IndicatorDocument(i.Text, Links(i.Measures), i.MeasureNote)).ToList(),
                p.LinksToOtherPlans, p.Funding,
                p.Objectives.Where(o => o.RetiredAt is null).OrderBy(o => o.Position).Select(o => new ObjectiveDocument(
                    o.Text, Links(o.Measures), o.MeasureNote,
                    o.Actions.Where(a => a.RetiredAt is null).OrderBy(a => a.Position).Select(a => new ActionDocument(
                        RefOf(a), a.Text, a.SuccessMeasures, a.Lead, a.Funding, a.FundingAmount, Links(a.Measures), a.MeasureNote, a.Deadline, a.LinkedPlans)).ToList()))
                    .ToList()))
                .ToList(),
            new OpccDocument(
                year.Allocation,
                year.AllocationNote,
                year.Projects.Where(p => p.RetiredAt is null).OrderBy(p => p.Position).Select(p => new ProjectDocument(
                    p.Name,
                    actions.FirstOrDefault(a => a.Id == p.ActionId) is { } action ? RefOf(action) : null,
                    withReturns ? ReturnBook.Latest(p.Returns).Select(r => new ReturnDocument(
                        r.Quarter, r.Rationale, r.ActivitiesToDate, r.SuccessMeasuresProposed, r.SuccessToDate,
                        r.CostToDate, r.CostBreakdown, r.Rag, r.Notes)).ToList() : [])).ToList()),
            year.CommunicationPlan.OrderBy(c => c.Position)
                .Select(c => new CommunicationDocument(c.Description, c.Audience, c.Channels, c.Owner, c.Deadline)).ToList(),
            null);
    }

    private static List<MeasureLink> Links(IReadOnlyList<LinkDocument>? links) =>
        (links ?? []).Select(l => new MeasureLink { Kind = l.Kind, Name = Blank(l.Name), Of = l.Of, Beat = Blank(l.Beat) }).ToList();

    private static List<LinkDocument> Links(List<MeasureLink> links) =>
        links.Select(l => new LinkDocument(l.Kind, l.Name, l.Of, l.Beat)).ToList();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Short(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
