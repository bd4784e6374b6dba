using System.Text.RegularExpressions;
using CommunitySafety.Data.ActionPlan;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>data/action-plan-2023-24.json against the council's document (../shared/reference) it was transcribed from.</summary>
public sealed partial class PlanTranscriptionTests
{
    private static readonly PlanDocument Plan = PlanLoader.Read(Path.Combine(PlanLoader.DefaultFolder, "action-plan-2023-24.json"));

    private static IEnumerable<ActionDocument> Actions => Plan.Priorities.SelectMany(p => p.Objectives).SelectMany(o => o.Actions);

    private static ProjectDocument Project(string name) => Plan.Opcc!.Projects.Single(p => p.Name.StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public void Has_the_plans_three_priorities_nineteen_objectives_and_forty_seven_actions()
    {
        Assert.Equal(["People", "Places", "Property"], Plan.Priorities.Select(p => p.Name));
        Assert.Equal([5, 7, 7], Plan.Priorities.Select(p => p.Objectives.Count));
        Assert.Equal(47, Actions.Count());
        Assert.Equal(3, Plan.CrossCuttingPriorities!.Count);
        Assert.Equal(21, Plan.CommunicationPlan!.Count);
        Assert.Empty(PlanConversion.Problems(Plan));
    }

    [Fact]
    public void Has_the_nine_opcc_projects_each_with_a_q1_and_q2_return_and_the_allocation()
    {
        Assert.Equal(
            ["Campaigns", "Response Fund", "Women's Wellbeing Events – focussing on Domestic Abuse", "Re-deployable CCTV", "Bystander Training",
             "Incremental Approach Training", "Rural Crime event", "Target Hardening", "Extra Hours for Community Safety Officer"],
            Plan.Opcc!.Projects.Select(p => p.Name));
        Assert.All(Plan.Opcc.Projects, p => Assert.Equal([1, 2], p.Returns!.Select(r => r.Quarter)));
        Assert.Equal(37479.75m, Plan.Opcc.Allocation);
    }

    [Fact]
    public void Keeps_the_returns_amounts_and_columns()
    {
        var campaignsQ2 = Project("Campaigns").Returns!.Single(r => r.Quarter == 2);
        Assert.Equal(2107m, campaignsQ2.CostToDate);
        Assert.EndsWith("= Total £2107", campaignsQ2.CostBreakdown);
        Assert.StartsWith("Qtr 1 ASB figures -25.18% decrease year to date.", campaignsQ2.SuccessToDate);
        Assert.StartsWith("Speakout will start to add CSP articles", campaignsQ2.Notes);
        Assert.Equal(640m, Project("Campaigns").Returns!.Single(r => r.Quarter == 1).CostToDate);
        Assert.All(Project("Incremental Approach Training").Returns!, r => Assert.Equal(422m, r.CostToDate));
        Assert.Equal("Awaiting funding", Project("Target Hardening").Returns!.Single(r => r.Quarter == 1).Notes);
        Assert.Equal("no requests for camera moves in this qtr - possible moves in Qtr 3 to be agreed at JAG",
            Project("Re-deployable CCTV").Returns!.Single(r => r.Quarter == 2).ActivitiesToDate);
    }

    [Fact]
    public void Keeps_funding_as_money_where_it_is_an_amount_and_as_words_where_it_is_not()
    {
        ActionDocument Action(string start) => Actions.Single(a => a.Text.StartsWith(start, StringComparison.Ordinal));
        Assert.Equal((5600m, "part of campaign pot £5600"), (Action("Promote campaigns aimed at victims").FundingAmount!.Value, Action("Promote campaigns aimed at victims").Funding));
        Assert.Equal(2000m, Action("Use of re –deployable CCTV").FundingAmount);
        Assert.Equal(3500m, Action("Bystander Training for NTE").FundingAmount);
        Assert.Equal(17157m, Action("Safer partnership van").FundingAmount);
        Assert.Equal(1800m, Action("Use of mediation").FundingAmount);
        Assert.Null(Action("HDC Domestic Abuse Link Worker").FundingAmount);
        Assert.Equal("DHLUC", Action("HDC Domestic Abuse Link Worker").Funding);
        Assert.Equal("Part of campaign fund", Action("Promotion of annual campaigns").Funding);
        Assert.Equal("LCC", Action("Incremental Approach Training").Lead);
    }

    [Fact]
    public void Every_objective_and_single_line_action_is_word_for_word_in_the_council_document()
    {
        var reference = ReferenceText();
        if (reference is null) return; // ../shared/reference is not in every checkout
        var texts = Plan.Priorities.SelectMany(p => p.Objectives).Select(o => o.Text)
            .Concat(Actions.Select(a => a.Text).Where(t => !t.Contains('\n')))
            .Concat(Plan.CommunicationPlan!.Select(c => c.Description))
            .ToList();
        Assert.All(texts, text => Assert.Contains(Squash(text), reference));
    }

    [Fact]
    public void Items_with_no_police_measure_say_so()
    {
        var road = Plan.Priorities[1].Objectives.Single(o => o.Text.Contains("Fatal Four", StringComparison.Ordinal));
        var fraud = Plan.Priorities[2].Objectives.Single(o => o.Text.Contains("Fraud", StringComparison.Ordinal));
        Assert.All(new[] { road, fraud }, o =>
        {
            Assert.Null(o.Measures);
            Assert.StartsWith("No police measure", o.MeasureNote);
        });
    }

    private static string? ReferenceText()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine(folder.FullName, "shared", "reference", "000_0907bd7577497889.txt");
            // Tags and the space a superscript left ("6 th") are how the document was extracted, not its words.
            if (File.Exists(file)) return Squash(Ordinals().Replace(Tags().Replace(File.ReadAllText(file), " "), "$1$2"));
        }
        return null;
    }

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(\d) (st|nd|rd|th)\b")]
    private static partial Regex Ordinals();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
