using System.Globalization;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.ActionPlan;

// Each quarter's progress of the actions, by their leads, and closing a quarter (the Manager).
public sealed partial class ActionPlanService
{
    public const int MaxMeasureValue = 10_000_000;

    public async Task<ProgressView?> GetProgressAsync(string financialYear, int? quarter = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, financialYear, cancellationToken) is not { } plan) return null;
        var open = ReturnBook.OpenQuarter(plan);
        var shown = quarter ?? open ?? ReturnBook.StartedQuarter(plan) ?? PlanConversion.FirstQuarter;
        FinancialQuarter.TryParseYear(plan.FinancialYear, out var startYear);
        var period = new FinancialQuarter(startYear, shown);
        var measures = await PartnershipMeasuresAsync(db, cancellationToken);

        var actions = new List<ActionProgressView>();
        foreach (var priority in plan.Priorities.Where(p => p.RetiredAt is null).OrderBy(p => p.Number))
        foreach (var objective in priority.Objectives.Where(o => o.RetiredAt is null).OrderBy(o => o.Position))
        foreach (var action in objective.Actions.Where(a => a.RetiredAt is null).OrderBy(a => a.Position))
        {
            var row = ProgressBook.LatestFor(action.Progress, shown);
            var values = RecordedMeasures(action, measures)
                .Select(m => new MeasureValueView(m.Id, m.Name, PartnershipFigures.ValueAt(m, period))).ToList();
            var missing = new List<string>();
            if (row is null || row.CarriedOver) missing.Add(row is null ? "No progress for this quarter yet." : "Status and note not updated since last quarter.");
            if (row?.Status is null) missing.Add("No RAG status.");
            if (string.IsNullOrWhiteSpace(row?.Note)) missing.Add("No progress note.");
            missing.AddRange(values.Where(v => v.Value is null).Select(v => $"No value for {v.Name}."));
            actions.Add(new ActionProgressView(
                action.Id, priority.Number, priority.Name, objective.Text, action.Text, action.Lead, action.SuccessMeasures,
                row?.Version ?? 0, row?.Status, row?.Note, row is { CarriedOver: false }, row?.SavedBy, row?.SavedAt, values, missing));
        }
        var projects = plan.Projects.Where(p => p.RetiredAt is null).OrderBy(p => p.Position).Select(p =>
        {
            var row = ReturnBook.LatestFor(p.Returns, shown);
            var missing = new List<string>();
            if (row is null) missing.Add("No return row for this quarter.");
            else if (row.Rag is null) missing.Add("No RAG in the return.");
            return new ProjectProgressView(p.Id, p.Name, ProjectLead(plan, p), row?.Version ?? 0, row?.Rag, missing);
        }).ToList();
        return new ProgressView(plan.FinancialYear, shown, open, shown == open, actions, projects);
    }

    public async Task<SaveOutcome> SaveProgressAsync(string financialYear, ProgressEdit edit, Person editor, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (!RagWords.TryParseStatus(edit.Status, out var status))
            problems.Add($"The status '{edit.Status!.Trim()}' is not one the plan uses: choose Not started, Red, Amber, Green or Complete.");
        PlanEditing.Limit(problems, "The progress note", edit.Note);
        var values = new Dictionary<int, int?>();
        foreach (var (measureId, text) in edit.MeasureValues)
        {
            if (TryParseMeasureValue(text, out var value, out var problem)) values[measureId] = value;
            else problems.Add(problem!);
        }
        if (problems.Count > 0) return new SaveOutcome(false, problems);
        const string ActionGone = "That action is not in this year's plan any more; reload the page.";

        return await WriteAsync(financialYear, editor, $"There is no plan for {financialYear}.", tracked: true, async (db, plan, now) =>
        {
            if (ActiveActions(plan).FirstOrDefault(a => a.Id == edit.ActionId) is not { } action) return PlanWrite.Refused(ActionGone);
            var what = $"Q{edit.Quarter} {plan.FinancialYear} progress of the action '{Short(action.Text)}'";
            if (!editor.MayEditReturnOf(action.Lead))
            {
                await audit.WriteAsync(editor.Actor, AuditKinds.Progress, what, AuditOutcomes.Refused, cancellationToken);
                return PlanWrite.Refused(editor.Has(Roles.Lead)
                    ? $"Only a Manager or the action's lead ({action.Lead ?? "none named"}) can update this action; your account's lead name is {editor.LeadName ?? "not set"}."
                    : "Only a Manager or the action's lead can update an action's progress.");
            }
            var open = ReturnBook.OpenQuarter(plan);
            if (edit.Quarter != open)
                return PlanWrite.Refused(open is null
                    ? $"Every quarter of {plan.FinancialYear} is closed: its progress is kept as it was reported."
                    : edit.Quarter < open
                        ? $"Q{edit.Quarter} {plan.FinancialYear} is closed: its progress is kept as it was reported. Only Q{open} can be updated."
                        : $"Q{edit.Quarter} {plan.FinancialYear} has not started yet. Only Q{open} can be updated.");
            var latest = ProgressBook.LatestFor(action.Progress, edit.Quarter);
            if ((latest?.Version ?? 0) != edit.BasedOnVersion)
                return PlanWrite.Refused(
                    $"{latest?.SavedBy ?? "Someone"} saved this action's progress at {latest?.SavedAt:HH:mm} while you were editing it. Their version is shown now; make your change again.");

            var measures = await db.PartnershipMeasures.Include(m => m.Values).ToListAsync(cancellationToken);
            var recorded = RecordedMeasures(action, measures.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase)).ToList();
            if (values.Keys.FirstOrDefault(id => recorded.All(m => m.Id != id)) is var stray && stray != 0)
                return PlanWrite.Refused("One of the measures is no longer this action's; reload the page.");
            FinancialQuarter.TryParseYear(plan.FinancialYear, out var startYear);
            foreach (var measure in recorded.Where(m => values.ContainsKey(m.Id)))
                SetValue(db, plan, measure, startYear, edit.Quarter, values[measure.Id], editor, now);

            var version = (latest?.Version ?? 0) + 1;
            action.Progress.Add(new ActionProgress
            {
                Quarter = edit.Quarter, Version = version, Status = status, Note = PlanEditing.Clean(edit.Note), SavedBy = editor.Name, SavedAt = now,
            });
            return PlanWrite.Done($"{what} updated by {editor.Name}", AuditKinds.Progress, $"{what} saved as version {version}");
        }, cancellationToken);
    }

    /// <summary>
    /// Closes the open quarter: it becomes read-only, and the next one starts from its text (the return's columns and
    /// each action's status and note). Closing Q4 closes the year. A closed quarter cannot be reopened. Only a Manager may.
    /// </summary>
    public async Task<SaveOutcome> CloseQuarterAsync(string financialYear, int quarter, Person closer, CancellationToken cancellationToken = default)
    {
        if (!closer.IsManager) return await RefuseStartAsync(closer, $"closing Q{quarter} of {financialYear}", cancellationToken);
        return await WriteAsync(financialYear, closer, $"There is no plan for {financialYear}.", tracked: true, (db, plan, now) =>
        {
            var open = ReturnBook.OpenQuarter(plan);
            if (quarter == open) return Task.FromResult(Advance(plan, closer, now));
            var started = ReturnBook.StartedQuarter(plan) ?? 0;
            return Task.FromResult(PlanWrite.Refused(quarter <= started
                ? $"Q{quarter} {plan.FinancialYear} is already closed: a closed quarter is kept as it was reported and cannot be reopened."
                : open is null
                    ? $"Q{quarter} {plan.FinancialYear} has not started, so it cannot be closed."
                    : $"Q{quarter} {plan.FinancialYear} has not started; the open quarter is Q{open}."));
        }, cancellationToken);
    }

    /// <summary>The partnership measures an action links to, in its links' order.</summary>
    private static IEnumerable<PartnershipMeasure> RecordedMeasures(PlanAction action, IReadOnlyDictionary<string, PartnershipMeasure> measures) =>
        action.Measures.Where(l => l.Kind == MeasureKind.Partnership && l.Name is not null)
            .Select(l => measures.GetValueOrDefault(l.Name!)).OfType<PartnershipMeasure>().DistinctBy(m => m.Id);

    /// <summary>Sets (or with null clears) a measure's value in a quarter, keeping the change in the measure's history.</summary>
    private static void SetValue(CommunitySafetyDb db, PlanYear plan, PartnershipMeasure measure, int startYear, int quarter, int? value, Person editor, DateTimeOffset now)
    {
        var existing = measure.Values.FirstOrDefault(v => v.StartYear == startYear && v.Quarter == quarter);
        if (existing?.Value == value) return;
        var field = $"{new FinancialQuarter(startYear, quarter)}";
        Record(db, plan, PlanItemKind.Measure, measure.Id, field, existing?.Value.ToString(CultureInfo.InvariantCulture), value?.ToString(CultureInfo.InvariantCulture), editor, now);
        if (value is null)
        {
            if (existing is not null) db.MeasureValues.Remove(existing);
            return;
        }
        if (existing is null)
            measure.Values.Add(new MeasureValue { StartYear = startYear, Quarter = quarter, Value = value.Value, SavedBy = editor.Name, SavedAt = now });
        else (existing.Value, existing.SavedBy, existing.SavedAt) = (value.Value, editor.Name, now);
    }

    /// <summary>A whole number from 0 up ("1,250" too); empty is no value. False with a sentence otherwise.</summary>
    public static bool TryParseMeasureValue(string? text, out int? value, out string? problem)
    {
        value = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var cleaned = text.Trim().Replace(",", "");
        if (!int.TryParse(cleaned, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            problem = $"'{Shorten(text.Trim())}' is not a whole number: write a count such as 12 or 1,250.";
        else if (number < 0) problem = $"{number} is less than 0: a measure counts things, so it cannot be negative.";
        else if (number > MaxMeasureValue) problem = $"{number:N0} is more than {MaxMeasureValue:N0}: check the number.";
        if (problem is not null) return false;
        value = number;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
