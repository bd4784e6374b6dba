using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.ActionPlan;

public sealed partial class ActionPlanService(
    IDbContextFactory<CommunitySafetyDb> dbFactory,
    IFiguresService figures,
    TimeProvider clock,
    AuditLog audit) : IActionPlanService, IPlanFiles
{
    /// <summary>Quarters in an item's small trend, the period's own last.</summary>
    public const int TrendQuarters = 8;

    // SQLite has one writer, and a save checks the version it replaces: one save at a time keeps that check true.
    private readonly SemaphoreSlim _writing = new(1, 1);

    public async Task<IReadOnlyList<string>> GetYearsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = await db.PlanYears.Select(y => y.FinancialYear).ToListAsync(cancellationToken);
        return years.OrderDescending(StringComparer.Ordinal).ToList();
    }

    public async Task<PlanView?> GetPlanAsync(FinancialQuarter period, PlanFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await PlanYearForAsync(db, period, cancellationToken) is not { } year || await LoadAsync(db, year, cancellationToken) is not { } loaded)
            return null;
        var plan = WithoutRetired(loaded);
        var lookup = new FigureLookup(figures, period, await PartnershipMeasuresAsync(db, cancellationToken));
        async Task<IReadOnlyList<LinkedFigure>> FiguresOf(IMeasured item)
        {
            var result = new List<LinkedFigure>();
            foreach (var link in item.Measures) result.Add(await lookup.FindAsync(link, cancellationToken));
            return result;
        }

        var quarter = plan.FinancialYear == period.FinancialYear ? period.Quarter : PlanConversion.LastQuarter;
        var statusByAction = StatusByAction(plan, quarter);
        var priorities = new List<PriorityView>();
        foreach (var priority in plan.Priorities.OrderBy(p => p.Number))
        {
            if (filter.Priority is { } only && only != priority.Number) continue;
            if (await PriorityViewAsync(priority, filter, statusByAction, quarter, FiguresOf) is { } view) priorities.Add(view);
        }

        var allActions = plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).ToList();
        return new PlanView(
            plan.FinancialYear,
            plan.Title,
            period,
            plan.CrossCuttingPriorities,
            priorities,
            plan.Priorities.OrderBy(p => p.Number).Select(p => new PriorityChoice(p.Number, p.Name)).ToList(),
            allActions.Where(a => a.Lead is not null).Select(a => a.Lead!).Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.OrdinalIgnoreCase).ToList(),
            priorities.SelectMany(p => p.Objectives).Sum(o => o.Actions.Count),
            allActions.Count);
    }

    /// <summary>The period's own year's plan or, when it has none, the latest plan before it (else the earliest).</summary>
    private static async Task<string?> PlanYearForAsync(CommunitySafetyDb db, FinancialQuarter period, CancellationToken cancellationToken)
    {
        var years = await db.PlanYears.Select(y => y.FinancialYear).ToListAsync(cancellationToken);
        return years.Where(y => string.CompareOrdinal(y, period.FinancialYear) <= 0).Max(StringComparer.Ordinal)
               ?? years.Min(StringComparer.Ordinal);
    }

    /// <summary>Each action's OPCC project and its RAG as at the quarter.</summary>
    private static Dictionary<int, ProjectStatus> StatusByAction(PlanYear plan, int quarter) =>
        plan.Projects.Where(p => p.ActionId is not null).OrderBy(p => p.Position).DistinctBy(p => p.ActionId)
            .ToDictionary(p => p.ActionId!.Value, p =>
            {
                var row = ReturnBook.Latest(p.Returns).LastOrDefault(r => r.Quarter <= quarter);
                return new ProjectStatus(p.Id, p.Name, row?.Quarter, row?.Rag);
            });

    /// <summary>A priority with the objectives and actions the filter keeps; null when the filter leaves it none.</summary>
    private static async Task<PriorityView?> PriorityViewAsync(
        PlanPriority priority, PlanFilter filter, Dictionary<int, ProjectStatus> statusByAction, int quarter,
        Func<IMeasured, Task<IReadOnlyList<LinkedFigure>>> figuresOf)
    {
        var objectives = new List<ObjectiveView>();
        foreach (var objective in priority.Objectives.OrderBy(o => o.Position))
        {
            var objectiveFigures = await figuresOf(objective);
            var actions = new List<ActionView>();
            foreach (var action in objective.Actions.OrderBy(a => a.Position))
            {
                var view = new ActionView(action.Id, action.Text, action.SuccessMeasures, action.Lead, action.Funding, action.FundingAmount,
                    await figuresOf(action), action.MeasureNote, statusByAction.GetValueOrDefault(action.Id))
                {
                    Deadline = action.Deadline,
                    LinkedPlans = action.LinkedPlans,
                    LinksConfirmed = action.LinksConfirmed,
                    Progress = ProgressBook.LatestUpTo(action.Progress, quarter) is { } progress
                        ? new ActionStatus(progress.Quarter, progress.Status, progress.Note, progress.CarriedOver)
                        : null,
                };
                if (Matches(view, objectiveFigures, filter)) actions.Add(view);
            }
            if (actions.Count > 0 || !filter.FiltersActions)
                objectives.Add(new ObjectiveView(objective.Id, objective.Text, objectiveFigures, objective.MeasureNote, actions));
        }
        if (objectives.Count == 0 && filter.FiltersActions) return null;

        var indicators = new List<IndicatorView>();
        foreach (var indicator in priority.HeadlineIndicators.OrderBy(i => i.Position))
            indicators.Add(new IndicatorView(indicator.Text, await figuresOf(indicator), indicator.MeasureNote) { LinksConfirmed = indicator.LinksConfirmed });
        return new PriorityView(priority.Number, priority.Name, priority.Description, priority.FocusAreas, priority.FocusNote,
            priority.LinksToOtherPlans, priority.Funding, indicators, objectives);
    }

    /// <summary>
    /// Lead matches by words ("Police" finds "Police/ CS Team"); RAG by the action's project; "getting worse"
    /// by the action's own figures or, where it has none, its objective's.
    /// </summary>
    private static bool Matches(ActionView action, IReadOnlyList<LinkedFigure> objectiveFigures, PlanFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Lead)
            && action.Lead?.Contains(filter.Lead.Trim(), StringComparison.OrdinalIgnoreCase) != true) return false;
        if (!string.IsNullOrWhiteSpace(filter.Rag))
        {
            if (action.Project is null) return false;
            var wanted = filter.Rag.Trim();
            var matches = string.Equals(wanted, RagWords.NotRated, StringComparison.OrdinalIgnoreCase)
                ? action.Project.Rag is null
                : string.Equals(RagWords.CellWord(action.Project.Rag), wanted, StringComparison.OrdinalIgnoreCase);
            if (!matches) return false;
        }
        if (filter.GettingWorse)
        {
            var figuresThatCount = action.Figures.Count > 0 ? action.Figures : objectiveFigures;
            if (!figuresThatCount.Any(f => f.GettingWorse)) return false;
        }
        return true;
    }

    public async Task<ReturnsView?> GetReturnsAsync(string? financialYear, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var years = (await db.PlanYears.Select(y => y.FinancialYear).ToListAsync(cancellationToken)).OrderDescending(StringComparer.Ordinal).ToList();
        var year = string.IsNullOrWhiteSpace(financialYear) ? years.FirstOrDefault() : years.FirstOrDefault(y => y == financialYear.Trim().Replace('/', '-'));
        if (year is null || await LoadAsync(db, year, cancellationToken) is not { } plan) return null;
        var open = ReturnBook.OpenQuarter(plan);
        var started = ReturnBook.StartedQuarter(plan);
        var quarters = Enumerable.Range(PlanConversion.FirstQuarter, started ?? 0)
            .Select(q => new QuarterReturnView(q, OpccReturnLayout.QuarterTitle(plan.FinancialYear, q), q == open, Rows(plan, q), ReturnBook.SpendAsAt(plan, q)))
            .ToList();
        return new ReturnsView(plan.FinancialYear, years, open, quarters, ReturnBook.SpendAsAt(plan, started ?? PlanConversion.FirstQuarter),
            AllClosed: started is not null && open is null);
    }

    private static List<ReturnRowView> Rows(PlanYear plan, int quarter) =>
        plan.Projects.Where(p => p.RetiredAt is null || p.Returns.Any(r => r.Quarter == quarter)).OrderBy(p => p.Position).Select(p =>
        {
            var row = ReturnBook.LatestFor(p.Returns, quarter);
            return new ReturnRowView(p.Id, quarter, row?.Version ?? 0, ReturnRow.From(p.Name, row), row?.SavedBy, row?.SavedAt, ProjectLead(plan, p));
        }).ToList();

    public async Task<SaveOutcome> SaveReturnAsync(string financialYear, ReturnEdit edit, Person editor, CancellationToken cancellationToken = default)
    {
        var problems = ReturnEditing.Problems(edit);
        if (problems.Count > 0) return new SaveOutcome(false, problems);
        ReturnEditing.TryParseCost(edit.CostToDate, out var cost, out _);
        ReturnEditing.TryParseRag(edit.Rag, out var rag, out _);
        const string ProjectGone = "That project is not in this year's plan any more; reload the page.";

        return await WriteAsync(financialYear, editor, ProjectGone, tracked: true, async (db, plan, now) =>
        {
            var project = plan.Projects.FirstOrDefault(p => p.Id == edit.ProjectId);
            if (project is null) return PlanWrite.Refused(ProjectGone);
            var lead = ProjectLead(plan, project);
            if (!editor.MayEditReturnOf(lead))
            {
                await audit.WriteAsync(editor.Actor, AuditKinds.ReturnEdit, $"Q{edit.Quarter} {plan.FinancialYear} return row of {project.Name}", AuditOutcomes.Refused, cancellationToken);
                return PlanWrite.Refused(editor.Has(Roles.Lead)
                    ? $"Only a Manager or the project's lead ({lead ?? "none named"}) can change the row of {project.Name}; your account's lead name is {editor.LeadName ?? "not set"}."
                    : $"Only a Manager or the project's lead can change the row of {project.Name}.");
            }
            var open = ReturnBook.OpenQuarter(plan);
            if (edit.Quarter != open)
                return PlanWrite.Refused(open is null
                    ? $"Every quarter of {plan.FinancialYear} is closed: its returns are kept as they were sent to the OPCC."
                    : $"The Q{edit.Quarter} return has been sent to the OPCC and is kept as it was sent. Only the Q{open} return can be changed.");
            var latest = ReturnBook.LatestFor(project.Returns, edit.Quarter);
            if ((latest?.Version ?? 0) != edit.BasedOnVersion)
                return PlanWrite.Refused(
                    $"{latest?.SavedBy ?? "Someone"} saved this row at {latest?.SavedAt:HH:mm} while you were editing it. Their version is shown now; make your change again.");

            var version = (latest?.Version ?? 0) + 1;
            project.Returns.Add(new QuarterlyReturn
            {
                Quarter = edit.Quarter,
                Version = version,
                Rationale = Clean(edit.Rationale),
                ActivitiesToDate = Clean(edit.ActivitiesToDate),
                SuccessMeasuresProposed = Clean(edit.SuccessMeasuresProposed),
                SuccessToDate = Clean(edit.SuccessToDate),
                CostToDate = cost,
                CostBreakdown = Clean(edit.CostBreakdown),
                Rag = rag,
                Notes = Clean(edit.Notes),
                SavedBy = editor.Name,
                SavedAt = now,
            });
            return PlanWrite.Done(
                $"Q{edit.Quarter} return for {project.Name} updated by {editor.Name}",
                AuditKinds.ReturnEdit, $"Q{edit.Quarter} {plan.FinancialYear} return row of {project.Name} saved as version {version}");
        }, cancellationToken);
    }

    public async Task<SaveOutcome> StartNextQuarterAsync(string financialYear, Person starter, CancellationToken cancellationToken = default)
    {
        if (!starter.IsManager) return await RefuseStartAsync(starter, $"the next quarter's return of {financialYear}", cancellationToken);
        return await WriteAsync(financialYear, starter, $"There is no plan for {financialYear}.", tracked: true, (db, plan, now) =>
        {
            var open = ReturnBook.OpenQuarter(plan);
            if (open == PlanConversion.LastQuarter)
                return Task.FromResult(PlanWrite.Refused($"Q4 is the last return of {plan.FinancialYear}; start the next year's plan instead."));
            return Task.FromResult(Advance(plan, starter, now));
        }, cancellationToken);
    }

    /// <summary>
    /// Closes the open quarter and starts the next (or, from nothing, starts Q1): each project's return row and each
    /// action's progress start from the quarter before. After Q4 nothing starts; the year is closed.
    /// </summary>
    private static PlanWrite Advance(PlanYear plan, Person starter, DateTimeOffset now)
    {
        var open = ReturnBook.OpenQuarter(plan);
        if (open is null && ReturnBook.StartedQuarter(plan) is not null)
            return PlanWrite.Refused($"Every quarter of {plan.FinancialYear} is closed; start the next year's plan instead.");
        if (open == PlanConversion.LastQuarter)
        {
            plan.ClosedThrough = PlanConversion.LastQuarter;
            return PlanWrite.Done($"Q4 {plan.FinancialYear} closed by {starter.Name}", AuditKinds.PlanStart, $"Q4 {plan.FinancialYear} closed");
        }
        var next = (open ?? 0) + 1;
        plan.ClosedThrough = open ?? 0;
        foreach (var project in plan.Projects.Where(p => p.RetiredAt is null))
        {
            // The form's columns are running accounts: they carry over, and the RAG and notes are the new quarter's own.
            var before = open is null ? null : ReturnBook.LatestFor(project.Returns, open.Value);
            project.Returns.Add(new QuarterlyReturn
            {
                Quarter = next,
                Version = 1,
                Rationale = before?.Rationale,
                ActivitiesToDate = before?.ActivitiesToDate,
                SuccessMeasuresProposed = before?.SuccessMeasuresProposed,
                SuccessToDate = before?.SuccessToDate,
                CostToDate = before?.CostToDate,
                CostBreakdown = before?.CostBreakdown,
                SavedBy = starter.Name,
                SavedAt = now,
            });
        }
        foreach (var action in ActiveActions(plan))
        {
            // The lead starts from last quarter's words and status, and is asked to update them.
            var before = open is null ? null : ProgressBook.LatestFor(action.Progress, open.Value);
            action.Progress.Add(new ActionProgress
            {
                Quarter = next, Version = 1, Status = before?.Status, Note = before?.Note, CarriedOver = true, SavedBy = starter.Name, SavedAt = now,
            });
        }
        var what = open is null ? $"Q{next} {plan.FinancialYear} started" : $"Q{open} {plan.FinancialYear} closed and Q{next} started";
        return PlanWrite.Done($"{what} by {starter.Name}", AuditKinds.PlanStart, what);
    }

    public async Task<SaveOutcome> StartNextYearAsync(string financialYear, Person starter, CancellationToken cancellationToken = default)
    {
        if (!starter.IsManager) return await RefuseStartAsync(starter, $"the plan of the year after {financialYear}", cancellationToken);
        return await WriteAsync(financialYear, starter, $"There is no plan for {financialYear}.", tracked: false, async (db, plan, now) =>
        {
            FinancialQuarter.TryParseYear(plan.FinancialYear, out var startYear);
            var nextYear = new FinancialQuarter(startYear + 1, 1).FinancialYear;
            if (await db.PlanYears.AnyAsync(y => y.FinancialYear == nextYear, cancellationToken))
                return PlanWrite.Refused($"There is already a plan for {nextYear}.");

            var current = PlanConversion.ToDocument(plan, withReturns: false);
            var copy = current with
            {
                FinancialYear = nextYear,
                Title = plan.Title.Replace(ToTitleYears(startYear), ToTitleYears(startYear + 1)),
                Source = $"Copied from the {plan.FinancialYear} plan",
                Opcc = current.Opcc! with
                {
                    AllocationNote = $"Copied from {plan.FinancialYear}: change it when the OPCC confirms {nextYear}'s allocation.",
                },
            };
            db.PlanYears.Add(PlanConversion.ToEntities(copy, starter.Name, now));
            return PlanWrite.Done(
                $"Action plan {nextYear} started from {plan.FinancialYear} by {starter.Name}",
                AuditKinds.PlanStart, $"Action plan {nextYear} started from {plan.FinancialYear}");
        }, cancellationToken);
    }

    /// <summary>What an edit made of the loaded plan: refused with a sentence, or done with what to tell open pages and the audit trail.</summary>
    private sealed record PlanWrite(SaveOutcome Outcome, string? Change = null, string? AuditKind = null, string? AuditWhat = null)
    {
        public static PlanWrite Refused(string sentence) => new(SaveOutcome.Refused(sentence));

        public static PlanWrite Done(string change, string auditKind, string auditWhat) => new(new SaveOutcome(true, []), change, auditKind, auditWhat);
    }

    /// <summary>
    /// The one write path of the plan's edits: one at a time, the year's plan loaded, the edit applied to it, and when
    /// it is done the edit and the change that tells open pages saved together, then written to the audit trail.
    /// </summary>
    private async Task<SaveOutcome> WriteAsync(
        string financialYear, Person who, string noPlan, bool tracked, Func<CommunitySafetyDb, PlanYear, DateTimeOffset, Task<PlanWrite>> edit,
        CancellationToken cancellationToken)
    {
        return await WriteAsync(who, async (db, now) =>
        {
            var plan = await LoadAsync(db, financialYear, cancellationToken, tracked);
            return plan is null ? PlanWrite.Refused(noPlan) : await edit(db, plan, now);
        }, cancellationToken);
    }

    /// <summary>The same write path for an edit that is not of one year's plan (the partnership's measures, which span years).</summary>
    private async Task<SaveOutcome> WriteAsync(Person who, Func<CommunitySafetyDb, DateTimeOffset, Task<PlanWrite>> edit, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var write = await edit(db, now);
            if (write.Change is null) return write.Outcome;
            db.Changes.Add(new DataChangeRecord { At = now, Description = write.Change });
            await db.SaveChangesAsync(cancellationToken);
            if (db.Database.CurrentTransaction is { } transaction) await transaction.CommitAsync(cancellationToken);
            await audit.WriteAsync(who.Actor, write.AuditKind!, write.AuditWhat!, cancellationToken: cancellationToken);
            return write.Outcome;
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Saves an added item to learn its id (for its history) inside a transaction that the write path commits with the
    /// rest of the edit, so the edit stays all or nothing.
    /// </summary>
    private static async Task SaveToLearnIdsAsync(CommunitySafetyDb db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SaveOutcome> RefuseStartAsync(Person starter, string what, CancellationToken cancellationToken)
    {
        await audit.WriteAsync(starter.Actor, AuditKinds.PlanStart, $"Start {what}", AuditOutcomes.Refused, cancellationToken);
        return SaveOutcome.Refused("Only a Manager can start a quarter's return or a year's plan.");
    }

    /// <summary>The plan's Lead of the action a project delivers; null when it delivers none or the action names no lead.</summary>
    private static string? ProjectLead(PlanYear plan, OpccProject project) =>
        project.ActionId is { } actionId
            ? plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).FirstOrDefault(a => a.Id == actionId)?.Lead
            : null;

    /// <summary>"2023-2024", as plan titles write the year.</summary>
    private static string ToTitleYears(int startYear) => $"{startYear}-{startYear + 1}";

    public async Task<ExportFile?> ExportReturnAsync(string financialYear, int quarter, ReturnFileFormat format, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var plan = await LoadAsync(db, financialYear, cancellationToken);
        if (plan is null || !plan.Projects.SelectMany(p => p.Returns).Any(r => r.Quarter == quarter)) return null;
        var rows = Rows(plan, quarter).Select(r => r.Row).ToList();
        var name = $"opcc-return-{plan.FinancialYear}-Q{quarter}";
        return format == ReturnFileFormat.Xlsx
            ? new ExportFile($"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ReturnExport.ToXlsx(plan.FinancialYear, quarter, rows))
            : new ExportFile($"{name}.csv", "text/csv; charset=utf-8", ReturnExport.ToCsv(rows));
    }

    private static async Task<PlanYear?> LoadAsync(CommunitySafetyDb db, string financialYear, CancellationToken cancellationToken, bool tracked = false)
    {
        var query = db.PlanYears
            .Include(y => y.Priorities).ThenInclude(p => p.HeadlineIndicators)
            .Include(y => y.Priorities).ThenInclude(p => p.Objectives).ThenInclude(o => o.Actions).ThenInclude(a => a.Progress)
            .Include(y => y.Projects).ThenInclude(p => p.Returns)
            .Include(y => y.CommunicationPlan)
            .AsSplitQuery();
        if (!tracked) query = query.AsNoTracking();
        var year = financialYear.Trim().Replace('/', '-');
        return await query.FirstOrDefaultAsync(y => y.FinancialYear == year, cancellationToken);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Each area's summary and each measure's trend read once per page load, however many items link to them.</summary>
    private sealed class FigureLookup(IFiguresService figures, FinancialQuarter period, IReadOnlyDictionary<string, PartnershipMeasure> partnership)
    {
        private readonly Dictionary<string, Summary> _summaries = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, TrendSeries?> _trends = new(StringComparer.OrdinalIgnoreCase);

        public async Task<LinkedFigure> FindAsync(MeasureLink link, CancellationToken cancellationToken)
        {
            if (link.Kind == MeasureKind.Partnership)
                return PartnershipFigures.Figure(link, partnership.GetValueOrDefault(link.Name ?? ""), period, TrendQuarters);
            var area = link.Beat ?? "";
            if (!_summaries.TryGetValue(area, out var summary))
                _summaries[area] = summary = await figures.GetSummaryAsync(period, link.Beat, cancellationToken);

            TrendSeries? trend = null;
            if (LinkedFigures.TrendMeasure(link) is { } measure)
            {
                var key = $"{measure}|{area}";
                if (!_trends.TryGetValue(key, out var series))
                {
                    var from = period.FirstMonth.AddMonths(-3 * (TrendQuarters - 1));
                    _trends[key] = series = await figures.GetTrendAsync(measure, link.Beat, TrendGranularity.Quarter, from, period.LastMonth, cancellationToken);
                }
                trend = series;
            }
            return new LinkedFigure(link, LinkedFigures.Label(link), LinkedFigures.Find(link, summary), trend);
        }
    }
}
