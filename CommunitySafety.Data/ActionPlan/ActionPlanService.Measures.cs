using CommunitySafety.Data.Access;
using CommunitySafety.Data.Audit;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Data.ActionPlan;

// The partnership's own measures: numbers recorded each quarter, by their leads or from a CSV, shown as figures.
public sealed partial class ActionPlanService
{
    /// <summary>Quarters in a measure's chart on the measures page: four years, as the police trends show.</summary>
    public const int MeasureChartQuarters = 16;

    public async Task<IReadOnlyList<PartnershipMeasureView>> GetMeasuresAsync(FinancialQuarter period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var measures = await PartnershipMeasuresAsync(db, cancellationToken);
        var plan = await PlanYearForAsync(db, period, cancellationToken) is { } year ? await LoadAsync(db, year, cancellationToken) : null;
        var actions = plan is null ? [] : ActiveActions(plan).ToList();
        return measures.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(m =>
        {
            var linking = actions.Where(a => a.Measures.Any(l => l.Kind == MeasureKind.Partnership && string.Equals(l.Name, m.Name, StringComparison.OrdinalIgnoreCase))).ToList();
            var link = new MeasureLink { Kind = MeasureKind.Partnership, Name = m.Name };
            return new PartnershipMeasureView(m.Id, m.Name, linking.Select(a => Short(a.Text)).ToList(),
                linking.Where(a => a.Lead is not null).Select(a => a.Lead!).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                PartnershipFigures.Figure(link, m, period, MeasureChartQuarters));
        }).ToList();
    }

    /// <summary>
    /// Makes one of an action's success measures a number recorded each quarter: a new partnership measure (or the one
    /// already called <paramref name="name"/>) linked to the action. Only a Manager may.
    /// </summary>
    public Task<SaveOutcome> AddMeasureAsync(string financialYear, int actionId, string? name, Person editor, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        PlanEditing.Require(problems, "The measure's name", name, PlanEditing.MaxShortLength);
        return EditPlanAsync(financialYear, editor, problems, "a recorded measure", async (db, plan, now) =>
        {
            if (AllActions(plan).FirstOrDefault(a => a.Id == actionId) is not { } action) return Gone();
            var trimmed = name!.Trim();
            var measure = await db.PartnershipMeasures.FirstOrDefaultAsync(m => m.Name == trimmed, cancellationToken);
            if (measure is null)
            {
                measure = new PartnershipMeasure { Name = trimmed, CreatedBy = editor.Name, CreatedAt = now };
                db.PartnershipMeasures.Add(measure);
                await SaveToLearnIdsAsync(db, cancellationToken);
                Record(db, plan, PlanItemKind.Measure, measure.Id, "Added", null, trimmed, editor, now);
            }
            var link = new MeasureLink { Kind = MeasureKind.Partnership, Name = measure.Name };
            if (action.Measures.Any(l => LinkedFigures.Same(l, link)))
                return PlanWrite.Refused($"The action already records {measure.Name}.");
            Record(db, plan, PlanItemKind.Action, action.Id, "Linked figures", PlanEditing.Labels(action.Measures), PlanEditing.Labels([.. action.Measures, link]), editor, now);
            action.Measures = [.. action.Measures.Select(l => l.Copy()), link];
            return Edited($"The measure {measure.Name} of the action '{Short(action.Text)}'", editor, "added");
        }, cancellationToken);
    }

    /// <summary>
    /// Imports a measures CSV (measure, quarter, value): all rows or none. A Manager may give any measure's values, a Lead
    /// only those of measures linked to actions they lead; a row of anyone else's measure refuses the file, naming its line.
    /// </summary>
    public async Task<MeasureImportOutcome> ImportMeasureValuesAsync(string path, string fileName, Person editor, CancellationToken cancellationToken = default)
    {
        if (!editor.IsManager && !editor.Has(Roles.Lead))
        {
            await audit.WriteAsync(editor.Actor, AuditKinds.MeasureValues, $"Import {fileName}", AuditOutcomes.Refused, cancellationToken);
            return new MeasureImportOutcome(false, 0, "Only a Manager or a lead can import measure values.", []);
        }
        Dictionary<string, List<string>> leadsByMeasure;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var names = await db.PartnershipMeasures.Select(m => m.Name).ToListAsync(cancellationToken);
            var actions = await db.PlanYears.SelectMany(y => y.Priorities).SelectMany(p => p.Objectives).SelectMany(o => o.Actions)
                .AsNoTracking().ToListAsync(cancellationToken);
            leadsByMeasure = names.ToDictionary(n => n, n => actions
                .Where(a => a.Lead is not null && a.Measures.Any(l => l.Kind == MeasureKind.Partnership && string.Equals(l.Name, n, StringComparison.OrdinalIgnoreCase)))
                .Select(a => a.Lead!).ToList(), StringComparer.OrdinalIgnoreCase);
        }
        var (rows, errors, total) = MeasureCsv.Read(path, fileName, leadsByMeasure.Keys);
        if (total == 0 && !editor.IsManager)
            errors = rows.Where(r => !leadsByMeasure[r.Measure].Any(lead => editor.MayEditReturnOf(lead)))
                .Select(r => new Import.ImportError(fileName, r.Line, "measure", r.Measure,
                    $"a measure of an action you lead (your lead name is {editor.LeadName ?? "not set"}); only a Manager or its action's lead can give its values"))
                .Take(Import.ImportLimits.ErrorsListed).ToList();
        if (errors.Count > 0)
        {
            var count = Math.Max(total, errors.Count);
            await audit.WriteAsync(editor.Actor, AuditKinds.MeasureValues, $"Import {fileName}", AuditOutcomes.Refused, cancellationToken);
            return new MeasureImportOutcome(false, 0,
                $"{fileName} was not imported: it has {count:N0} problem{(count == 1 ? "" : "s")}, listed below. Nothing has been changed.", errors);
        }

        var outcome = await WriteAsync(editor, async (db, now) =>
        {
            var measures = await db.PartnershipMeasures.Include(m => m.Values).ToListAsync(cancellationToken);
            var byName = measures.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
            var years = await db.PlanYears.ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                // The history is kept with the plan of the row's year, or the latest plan when that year has none.
                var plan = years.FirstOrDefault(y => y.FinancialYear == row.Quarter.FinancialYear) ?? years.MaxBy(y => y.FinancialYear, StringComparer.Ordinal);
                if (plan is null) return PlanWrite.Refused("There is no action plan yet, so there are no measures to record.");
                SetValue(db, plan, byName[row.Measure], row.Quarter.StartYear, row.Quarter.Quarter, row.Value, editor, now);
            }
            return PlanWrite.Done($"{rows.Count:N0} measure values imported from {fileName} by {editor.Name}", AuditKinds.MeasureValues,
                $"{rows.Count:N0} measure values imported from {fileName}");
        }, cancellationToken);
        return outcome.Saved
            ? new MeasureImportOutcome(true, rows.Count, $"{rows.Count:N0} value{(rows.Count == 1 ? "" : "s")} imported from {fileName}.", [])
            : new MeasureImportOutcome(false, 0, string.Join(" ", outcome.Problems), []);
    }
}
