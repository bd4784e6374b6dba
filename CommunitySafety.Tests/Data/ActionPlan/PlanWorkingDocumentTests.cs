using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>The plan as a working document: the Manager's edits with their history, each quarter's progress by the leads, and the partnership's own measures.</summary>
public sealed class PlanWorkingDocumentTests
{
    private const string Year = "2023-24";
    private static readonly Person Manager = TestPeople.Manager("Mo Manager");
    private static readonly Person CsLead = TestPeople.Lead("Lee Lead", "CS Team");

    private static ActionEditorView EditorAction(PlanEditorView plan, string start) =>
        plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions).First(a => a.Text.StartsWith(start, StringComparison.Ordinal));

    private static int ObjectiveOf(PlanEditorView plan, int actionId) =>
        plan.Priorities.SelectMany(p => p.Objectives).Single(o => o.Actions.Any(a => a.Id == actionId)).Id;

    private static ActionEdit EditOf(PlanEditorView plan, ActionEditorView action, string? lead = null, string? deadline = null) => new(
        action.Id, ObjectiveOf(plan, action.Id), action.Text, string.Join("\n", action.SuccessMeasures), lead ?? action.Lead, action.Funding,
        action.FundingAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture), deadline ?? action.Deadline, action.LinkedPlans);

    private static ProgressEdit ProgressOf(ActionProgressView action, int quarter, string status, string note, Dictionary<int, string?>? values = null) =>
        new(action.ActionId, quarter, action.Version, status, note, values ?? []);

    private static IEnumerable<ActionView> Actions(PlanView plan) => plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions);

    [Fact]
    public async Task A_manager_edits_an_action_and_its_history_shows_who_when_and_before_and_after()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var plan = (await database.Plans.GetEditorAsync(Year))!;
        var cctv = EditorAction(plan, "Use of re –deployable CCTV");

        var saved = await database.Plans.SaveActionAsync(Year, EditOf(plan, cctv, lead: "Police", deadline: "March 2024"), Manager);
        Assert.True(saved.Saved, string.Join(" ", saved.Problems));

        var shown = Actions((await database.Plans.GetPlanAsync(new FinancialQuarter(2023, 1), new PlanFilter()))!).Single(a => a.Id == cctv.Id);
        Assert.Equal(("Police", "March 2024"), (shown.Lead, shown.Deadline));
        var history = await database.Plans.GetHistoryAsync(Year, new PlanItem(PlanItemKind.Action, cctv.Id));
        var lead = history.Single(h => h.Field == "Lead");
        Assert.Equal((cctv.Lead, "Police", "Mo Manager"), (lead.Before, lead.After, lead.By));
        Assert.Contains(history, h => h.Field == "Deadline" && h.Before is null && h.After == "March 2024");
        Assert.Contains((await database.ChangesAsync()), c => c.Contains("changed by Mo Manager", StringComparison.Ordinal));

        var refused = await database.Plans.SaveActionAsync(Year, EditOf(plan, cctv, lead: "CS Team"), CsLead);
        Assert.Equal("Only a Manager can change the plan.", Assert.Single(refused.Problems));
        var empty = await database.Plans.SaveActionAsync(Year, EditOf(plan, cctv) with { Text = "  " }, Manager);
        Assert.Equal("The action is empty: write it before saving.", Assert.Single(empty.Problems));
    }

    [Fact]
    public async Task A_manager_adds_reorders_and_retires_and_a_retired_action_keeps_its_reported_progress()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var plan = (await database.Plans.GetEditorAsync(Year))!;
        var objective = plan.Priorities[0].Objectives[0];
        var first = objective.Actions[0];

        var added = await database.Plans.SaveActionAsync(Year, new ActionEdit(null, objective.Id, "Run a drop-in at the library", "Numbers attending", "CS Team", null, "250", "Q3", null), Manager);
        Assert.True(added.Saved, string.Join(" ", added.Problems));
        plan = (await database.Plans.GetEditorAsync(Year))!;
        var newAction = plan.Priorities[0].Objectives[0].Actions[^1];
        Assert.Equal(("Run a drop-in at the library", 250m), (newAction.Text, newAction.FundingAmount));

        Assert.True((await database.Plans.MoveAsync(Year, new PlanItem(PlanItemKind.Action, newAction.Id), -1, Manager)).Saved);
        plan = (await database.Plans.GetEditorAsync(Year))!;
        Assert.Equal(newAction.Id, plan.Priorities[0].Objectives[0].Actions[^2].Id);
        Assert.Equal("It is already first.", Assert.Single((await database.Plans.MoveAsync(Year, new PlanItem(PlanItemKind.Action, first.Id), -1, Manager)).Problems));

        var progress = (await database.Plans.GetProgressAsync(Year))!.Actions.Single(a => a.ActionId == first.Id);
        Assert.True((await database.Plans.SaveProgressAsync(Year, ProgressOf(progress, 2, "Green", "Forty families seen"), Manager)).Saved);
        Assert.True((await database.Plans.RetireAsync(Year, new PlanItem(PlanItemKind.Action, first.Id), true, Manager)).Saved);

        Assert.DoesNotContain(Actions((await database.Plans.GetPlanAsync(new FinancialQuarter(2023, 2), new PlanFilter()))!), a => a.Id == first.Id);
        Assert.DoesNotContain((await database.Plans.GetProgressAsync(Year))!.Actions, a => a.ActionId == first.Id);
        var kept = EditorAction((await database.Plans.GetEditorAsync(Year))!, first.Text[..20]);
        Assert.True(kept.Retired && kept.Reported);
        var history = await database.Plans.GetHistoryAsync(Year, new PlanItem(PlanItemKind.Action, first.Id));
        Assert.Contains(history, h => h.Field == "Retired" && h.After == "yes");
        Assert.Contains(history, h => h.Field.StartsWith("Q2 progress", StringComparison.Ordinal) && h.After == "Green: Forty families seen");

        Assert.True((await database.Plans.RetireAsync(Year, new PlanItem(PlanItemKind.Action, first.Id), false, Manager)).Saved);
        Assert.Contains(Actions((await database.Plans.GetPlanAsync(new FinancialQuarter(2023, 2), new PlanFilter()))!), a => a.Id == first.Id);
    }

    [Fact]
    public async Task A_lead_updates_the_progress_of_their_own_action_and_is_refused_on_someone_elses()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var progress = (await database.Plans.GetProgressAsync(Year))!;
        Assert.Equal((2, true), (progress.Quarter, progress.IsOpen));
        var theirs = progress.Actions.First(a => LeadNames.Matches(a.Lead, "CS Team"));
        var notTheirs = progress.Actions.First(a => a.Lead is not null && !LeadNames.Matches(a.Lead, "CS Team"));
        Assert.Contains("No RAG status.", theirs.Missing);

        var own = await database.Plans.SaveProgressAsync(Year, ProgressOf(theirs, 2, "not started", "Planned for the autumn"), CsLead);
        Assert.True(own.Saved, string.Join(" ", own.Problems));
        var after = (await database.Plans.GetProgressAsync(Year))!.Actions.Single(a => a.ActionId == theirs.ActionId);
        Assert.Equal(("Not started", "Planned for the autumn", true, "Lee Lead"), (after.StatusWord, after.Note, after.Updated, after.SavedBy));
        Assert.Empty(after.Missing);

        var other = await database.Plans.SaveProgressAsync(Year, ProgressOf(notTheirs, 2, "Green", "Done"), CsLead);
        Assert.False(other.Saved);
        Assert.Equal($"Only a Manager or the action's lead ({notTheirs.Lead}) can update this action; your account's lead name is CS Team.", Assert.Single(other.Problems));
        Assert.False((await database.Plans.SaveProgressAsync(Year, ProgressOf(notTheirs, 2, "Green", "Done"), TestPeople.Viewer("Val"))).Saved);

        var badWord = await database.Plans.SaveProgressAsync(Year, ProgressOf(theirs, 2, "Purple", "x"), CsLead);
        Assert.Equal("The status 'Purple' is not one the plan uses: choose Not started, Red, Amber, Green or Complete.", Assert.Single(badWord.Problems));
        var stale = await database.Plans.SaveProgressAsync(Year, ProgressOf(theirs, 2, "Green", "Again"), Manager);
        Assert.StartsWith("Lee Lead saved this action's progress at", Assert.Single(stale.Problems));

        var manager = await database.Plans.SaveProgressAsync(Year, ProgressOf(notTheirs, 2, "Complete", "Finished in August"), Manager);
        Assert.True(manager.Saved, string.Join(" ", manager.Problems));
    }

    [Fact]
    public async Task A_closed_quarter_refuses_edits_and_cannot_be_reopened_and_the_next_starts_from_its_text()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var action = (await database.Plans.GetProgressAsync(Year))!.Actions.First(a => LeadNames.Matches(a.Lead, "CS Team"));
        Assert.True((await database.Plans.SaveProgressAsync(Year, ProgressOf(action, 2, "Amber", "Two sessions held"), CsLead)).Saved);

        Assert.Equal("Only a Manager can start a quarter's return or a year's plan.", Assert.Single((await database.Plans.CloseQuarterAsync(Year, 2, CsLead)).Problems));
        var reopen = await database.Plans.CloseQuarterAsync(Year, 1, Manager);
        Assert.Equal("Q1 2023-24 is already closed: a closed quarter is kept as it was reported and cannot be reopened.", Assert.Single(reopen.Problems));
        Assert.True((await database.Plans.CloseQuarterAsync(Year, 2, Manager)).Saved);

        var q3 = (await database.Plans.GetProgressAsync(Year))!;
        Assert.Equal((3, 3), (q3.Quarter, q3.OpenQuarter));
        var carried = q3.Actions.Single(a => a.ActionId == action.ActionId);
        Assert.Equal((ProgressStatus.Amber, "Two sessions held", false), (carried.Status, carried.Note, carried.Updated));
        Assert.Contains("Status and note not updated since last quarter.", carried.Missing);
        Assert.Equal(3, (await database.Plans.GetReturnsAsync(Year))!.OpenQuarter);

        var q2 = (await database.Plans.GetProgressAsync(Year, 2))!;
        Assert.False(q2.IsOpen);
        var late = await database.Plans.SaveProgressAsync(Year, ProgressOf(q2.Actions.Single(a => a.ActionId == action.ActionId), 2, "Green", "Late"), Manager);
        Assert.Equal("Q2 2023-24 is closed: its progress is kept as it was reported. Only Q3 can be updated.", Assert.Single(late.Problems));
        Assert.Equal("Q2 2023-24 is already closed: a closed quarter is kept as it was reported and cannot be reopened.",
            Assert.Single((await database.Plans.CloseQuarterAsync(Year, 2, Manager)).Problems));

        Assert.True((await database.Plans.CloseQuarterAsync(Year, 3, Manager)).Saved);
        Assert.True((await database.Plans.CloseQuarterAsync(Year, 4, Manager)).Saved);
        var closed = (await database.Plans.GetProgressAsync(Year))!;
        Assert.Equal((4, null, false), (closed.Quarter, closed.OpenQuarter, closed.IsOpen));
        var returns = (await database.Plans.GetReturnsAsync(Year))!;
        Assert.True(returns.AllClosed);
        Assert.Equal(4, returns.Quarters.Count);
        Assert.Equal("Every quarter of 2023-24 is closed; start the next year's plan instead.", Assert.Single((await database.Plans.StartNextQuarterAsync(Year, Manager)).Problems));
    }

    [Fact]
    public async Task Seeded_links_are_suggestions_until_the_manager_confirms_or_changes_them()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var period = new FinancialQuarter(2023, 1);
        var plan = (await database.Plans.GetPlanAsync(period, new PlanFilter()))!;
        var cctv = Actions(plan).Single(a => a.Text.StartsWith("Use of re –deployable CCTV", StringComparison.Ordinal));
        Assert.False(cctv.LinksConfirmed);
        Assert.False(plan.Priorities[0].HeadlineIndicators[0].LinksConfirmed);

        var choices = await database.Plans.GetFigureChoicesAsync(period);
        Assert.Contains(choices, c => c.Group == "Crime types" && c.Link.Kind == MeasureKind.CrimeType);
        Assert.Contains(choices, c => c.Group == "Beats" && c.Label == "ASB in Harborough North");
        Assert.Contains(choices, c => c.Group == "Location types" && c.Label == "ASB at Open Space locations");
        var beat = choices.Single(c => c.Label == "ASB in Harborough North").Link;
        var preview = await database.Plans.PreviewFigureAsync(period, beat);
        Assert.NotNull(preview.Measure);

        var set = await database.Plans.SetLinksAsync(Year, new PlanItem(PlanItemKind.Action, cctv.Id), [.. cctv.Figures.Select(f => f.Link).Take(1), beat], Manager);
        Assert.True(set.Saved, string.Join(" ", set.Problems));
        var after = Actions((await database.Plans.GetPlanAsync(period, new PlanFilter()))!).Single(a => a.Id == cctv.Id);
        Assert.True(after.LinksConfirmed);
        Assert.Equal(["ASB", "ASB in Harborough North"], after.Figures.Select(f => f.Label));
        Assert.Contains(await database.Plans.GetHistoryAsync(Year, new PlanItem(PlanItemKind.Action, cctv.Id)), h => h.Field == "Linked figures" && h.After == "ASB; ASB in Harborough North");
        Assert.False((await database.Plans.SetLinksAsync(Year, new PlanItem(PlanItemKind.Action, cctv.Id), [], CsLead)).Saved);
    }

    [Fact]
    public async Task A_measure_is_recorded_by_its_lead_imported_from_csv_and_shown_against_the_same_quarter_last_year()
    {
        await using var database = await PlanDatabase.CreateAsync();
        var action = (await database.Plans.GetProgressAsync(Year))!.Actions.First(a => LeadNames.Matches(a.Lead, "CS Team"));
        Assert.True((await database.Plans.AddMeasureAsync(Year, action.ActionId, "Referrals made", Manager)).Saved);
        Assert.False((await database.Plans.AddMeasureAsync(Year, action.ActionId, "Referrals made", Manager)).Saved);

        var withMeasure = (await database.Plans.GetProgressAsync(Year))!.Actions.Single(a => a.ActionId == action.ActionId);
        var measure = Assert.Single(withMeasure.Measures);
        Assert.Contains("No value for Referrals made.", withMeasure.Missing);
        var saved = await database.Plans.SaveProgressAsync(Year, ProgressOf(withMeasure, 2, "Green", "On track", new() { [measure.MeasureId] = "1,250" }), CsLead);
        Assert.True(saved.Saved, string.Join(" ", saved.Problems));
        Assert.Equal(1250, (await database.Plans.GetProgressAsync(Year))!.Actions.Single(a => a.ActionId == action.ActionId).Measures[0].Value);

        var folder = Directory.CreateTempSubdirectory("measures-").FullName;
        try
        {
            var bad = Path.Combine(folder, "bad.csv");
            await File.WriteAllTextAsync(bad, "measure,quarter,value\nReferrals made,Q2 2022-23,1000\nReferrals made,Q5 2022-23,3\nNo such thing,Q1 2022-23,4\n");
            var refused = await database.Plans.ImportMeasureValuesAsync(bad, "bad.csv", Manager);
            Assert.False(refused.Imported);
            Assert.Equal("bad.csv was not imported: it has 2 problems, listed below. Nothing has been changed.", refused.Message);
            Assert.Contains(refused.Errors, e => e.Line == 3 && e.Column == "quarter" && e.Value == "Q5 2022-23");
            Assert.Contains(refused.Errors, e => e.Line == 4 && e.Column == "measure" && e.Value == "No such thing");
            var lastYear = new FinancialQuarter(2022, 2);
            Assert.Null((await database.Plans.GetMeasuresAsync(lastYear)).Single().Figure.Recorded);

            var good = Path.Combine(folder, "good.csv");
            await File.WriteAllTextAsync(good, "Measure,Quarter,Value\nReferrals made,Q2 2022-23,1000\nReferrals made,2022-23 Q3,900\n");
            var imported = await database.Plans.ImportMeasureValuesAsync(good, "good.csv", Manager);
            Assert.True(imported.Imported, imported.Message);
            Assert.Equal("2 values imported from good.csv.", imported.Message);

            var other = Path.Combine(folder, "other.csv");
            await File.WriteAllTextAsync(other, "measure,quarter,value\nReferrals made,Q1 2023-24,5\n");
            var policeLead = await database.Plans.ImportMeasureValuesAsync(other, "other.csv", TestPeople.Lead("Pat", "Police"));
            Assert.Equal(2, Assert.Single(policeLead.Errors).Line);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var figure = (await database.Plans.GetMeasuresAsync(new FinancialQuarter(2023, 2))).Single().Figure;
        Assert.Equal((1250, 1000, 25.0), (figure.Measure!.Current, figure.Measure.Previous, figure.Measure.ChangePercent));
        Assert.Equal(ActionPlanService.MeasureChartQuarters, figure.Trend!.Points.Count);
        Assert.Equal([1000, 900], figure.Trend.Points.Where(p => p.Count is not null && p.Count < 1250).Select(p => p.Count!.Value));
        var beside = Actions((await database.Plans.GetPlanAsync(new FinancialQuarter(2023, 2), new PlanFilter()))!).Single(a => a.Id == action.ActionId);
        Assert.Equal(1250, beside.Figures.Single(f => f.IsPartnership).Recorded);
        Assert.Contains(await database.Plans.GetFigureChoicesAsync(new FinancialQuarter(2023, 2)), c => c.Group == "The partnership's own measures" && c.Label == "Referrals made");
    }
}
