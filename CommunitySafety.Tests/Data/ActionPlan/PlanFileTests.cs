using System.IO.Compression;
using System.Text;
using System.Text.Json;
using CommunitySafety.Data.ActionPlan;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CommunitySafety.Tests.Data.ActionPlan;

/// <summary>The plan out as Word, Excel and JSON and back in: the same plan, and hostile files refused with a sentence.</summary>
public sealed class PlanFileTests
{
    private static string Json(PlanDocument plan) => JsonSerializer.Serialize(plan, PlanDocument.JsonOptions);

    private static PlanFileRead ReadBack(ExportFile file) => PlanFileReader.Read(new MemoryStream(file.Content), file.FileName);

    [Theory]
    [InlineData(PlanFileFormat.Docx)]
    [InlineData(PlanFileFormat.Xlsx)]
    [InlineData(PlanFileFormat.Json)]
    public async Task An_export_read_back_is_the_same_plan_and_imports_into_an_empty_database_as_the_same_plan(PlanFileFormat format)
    {
        await using var source = await PlanDatabase.CreateAsync(withSampleData: false);
        var original = (await source.Files.GetExportAsync("2023-24", null))!.Plan;
        var file = (await source.Files.ExportAsync("2023-24", format, quarter: 2))!;

        var read = ReadBack(file);
        Assert.Empty(read.Problems);
        Assert.Equal(format, read.Format);
        Assert.Equal(Json(original), Json(read.Plan!));

        await using var empty = await PlanDatabase.CreateAsync(withPlan: false, withSampleData: false);
        var preview = await empty.Files.PreviewImportAsync(read.Plan!);
        Assert.False(preview.ReplacesPlan);
        Assert.Null(preview.Refusal);
        var outcome = await empty.Files.ImportAsync(read.Plan!, TestPeople.Manager("Sam Manager"));
        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal(Json(original), Json((await empty.Files.GetExportAsync("2023-24", null))!.Plan));
    }

    [Theory]
    [InlineData(PlanFileFormat.Docx)]
    [InlineData(PlanFileFormat.Xlsx)]
    [InlineData(PlanFileFormat.Json)]
    public async Task An_actions_deadline_and_linked_plans_survive_the_round_trip(PlanFileFormat format)
    {
        await using var source = await PlanDatabase.CreateAsync(withSampleData: false);
        var sample = (await source.Files.GetExportAsync("2023-24", null))!.Plan;
        var first = sample.Priorities[0].Objectives[0];
        var dated = first.Actions[0] with { Deadline = "March 2024", LinkedPlans = "OPCC Police and Crime Plan" };
        var plan = sample with
        {
            Priorities = [sample.Priorities[0] with { Objectives = [first with { Actions = [dated, .. first.Actions.Skip(1)] }, .. sample.Priorities[0].Objectives.Skip(1)] },
                .. sample.Priorities.Skip(1)],
        };

        await using var written = await PlanDatabase.CreateAsync(withPlan: false, withSampleData: false);
        Assert.True((await written.Files.ImportAsync(plan, TestPeople.Manager("Sam Manager"))).Done);
        var read = ReadBack((await written.Files.ExportAsync("2023-24", format, quarter: null))!);
        Assert.Empty(read.Problems);

        await using var empty = await PlanDatabase.CreateAsync(withPlan: false, withSampleData: false);
        Assert.True((await empty.Files.ImportAsync(read.Plan!, TestPeople.Manager("Sam Manager"))).Done);
        var back = (await empty.Files.GetExportAsync("2023-24", null))!.Plan.Priorities[0].Objectives[0].Actions[0];
        Assert.Equal("March 2024", back.Deadline);
        Assert.Equal("OPCC Police and Crime Plan", back.LinkedPlans);
    }

    [Fact]
    public async Task The_word_file_has_appendix_a_tables_with_the_quarters_rag_and_progress_when_asked_for()
    {
        await using var database = await PlanDatabase.CreateAsync(withSampleData: false);
        var file = (await database.Files.ExportAsync("2023-24", PlanFileFormat.Docx, quarter: 2))!;

        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var body = document.MainDocumentPart!.Document!.Body!;
        Assert.Equal("Harborough Community Safety Partnership Action Plan for 2023-2024", body.Elements<W.Paragraph>().First().InnerText);
        var tables = body.Elements<W.Table>().ToList();
        var people = tables[0].Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(CellText).ToList()).ToList();
        Assert.Equal("Priority 1", people[0][0]);
        Assert.StartsWith("People: Understand the causes of Violence", people[0][1]);
        Assert.Equal(["Headline Indicator", "Domestic Abuse incidence rates\nViolent Crime figures\nVulnerable people are identified and supported"], people[1]);
        Assert.Equal("Links to other plans", people[2][0]);
        Assert.Equal(["Funding", "OPCC – PLF / Dept levelling Up – DA Grant"], people[3]);
        Assert.Equal(["Objective", "Action", "Success Measure", "Lead", "Funding", "RAG Q2", "Progress Q2"], people[4]);
        Assert.Equal("Support families of domestic abuse across Harborough District.", people[5][0]);
        Assert.StartsWith("HDC Domestic Abuse Link Worker working with DA victims", people[5][1]);
        Assert.Equal(["• Numbers worked with\n• Referrals made", "DA Link Worker", "DHLUC"], people[5].Skip(2).Take(3));

        // The women's wellbeing event is an OPCC project: its Q2 return row gives the action's progress.
        var wellbeing = people.Single(r => r[1].StartsWith("Women's wellbeing event", StringComparison.Ordinal));
        Assert.Equal("", wellbeing[0]);
        Assert.Equal("£1000 for room hire", wellbeing[4]);
        Assert.StartsWith("Partners have met and dates have been agreed", wellbeing[6]);
        Assert.Equal(3, tables.Count(t => t.InnerText.StartsWith("Priority", StringComparison.Ordinal)));

        var withoutProgress = (await database.Files.ExportAsync("2023-24", PlanFileFormat.Docx, quarter: null))!;
        using var plain = WordprocessingDocument.Open(new MemoryStream(withoutProgress.Content), false);
        Assert.Equal(["Objective", "Action", "Success Measure", "Lead", "Funding"],
            plain.MainDocumentPart!.Document!.Body!.Elements<W.Table>().First().Elements<W.TableRow>().ElementAt(4).Elements<W.TableCell>().Select(CellText));
    }

    private static string CellText(W.TableCell cell) => string.Join("\n", cell.Elements<W.Paragraph>().Select(p => p.InnerText));

    [Fact]
    public async Task A_word_file_without_the_embedded_plan_reads_from_its_tables_alone()
    {
        await using var database = await PlanDatabase.CreateAsync(withSampleData: false);
        var original = (await database.Files.GetExportAsync("2023-24", null))!.Plan;
        var file = (await database.Files.ExportAsync("2023-24", PlanFileFormat.Docx, null))!;
        var stripped = WithoutCustomXml(file.Content);

        var read = PlanFileReader.Read(new MemoryStream(stripped), "typed-in-word.docx");

        Assert.Empty(read.Problems);
        var plan = read.Plan!;
        Assert.Equal("2023-24", plan.FinancialYear);
        Assert.Equal(original.Priorities.Select(p => p.Name), plan.Priorities.Select(p => p.Name));
        Assert.Equal(original.Priorities.Sum(p => p.Objectives.Sum(o => o.Actions.Count)), plan.Priorities.Sum(p => p.Objectives.Sum(o => o.Actions.Count)));
        Assert.Equal(original.Priorities[0].FocusAreas, plan.Priorities[0].FocusAreas);
        var roomHire = plan.Priorities[0].Objectives[1].Actions[1];
        Assert.Equal((1000m, null), (roomHire.FundingAmount, roomHire.Ref));
        Assert.Empty(plan.Opcc!.Projects);
    }

    private static byte[] WithoutCustomXml(byte[] docx)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var document = WordprocessingDocument.Open(stream, true))
            document.MainDocumentPart!.DeleteParts(document.MainDocumentPart.CustomXmlParts.ToList());
        return stream.ToArray();
    }

    [Fact]
    public void A_file_that_is_not_a_plan_is_refused_with_a_sentence()
    {
        var read = PlanFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("Month,Beat,Category\n2023-04,X,ASB\n")), "beats.csv");
        Assert.Null(read.Plan);
        Assert.Equal("The file beats.csv is not a Word (.docx) or Excel (.xlsx) file, nor a JSON plan file.", Assert.Single(read.Problems));

        var zip = Zip(("hello.txt", "hello"u8.ToArray()));
        Assert.Equal("The file plan.docx is a zip, but not a Word (.docx) or Excel (.xlsx) file.",
            Assert.Single(PlanFileReader.Read(new MemoryStream(zip), "plan.docx").Problems));
    }

    [Fact]
    public void A_file_too_big_or_unpacking_too_big_is_refused_before_it_is_read()
    {
        var big = new byte[PlanFileLimits.MaxFileBytes + 1];
        big[0] = (byte)'{';
        Assert.StartsWith("The file huge.json is more than 10 MB", Assert.Single(PlanFileReader.Read(new MemoryStream(big), "huge.json").Problems));

        // A zip bomb: 30 MB of zeros packs into a few kilobytes.
        var bomb = Zip(("word/document.xml", new byte[30 << 20]));
        Assert.True(bomb.Length < 100_000);
        var problem = Assert.Single(PlanFileReader.Read(new MemoryStream(bomb), "bomb.docx").Problems);
        Assert.Equal("The file bomb.docx holds a part (word/document.xml) that unpacks to 30 MB, more than the 20 MB a part may be.", problem);
    }

    [Fact]
    public void A_spreadsheet_without_the_success_measure_column_or_with_an_orphan_action_names_the_row()
    {
        List<string[]> rows =
        [
            ["Action plan 2024-25"], ["Financial year", "2024-25"], ["Priority 1", "People: help"],
            ["Objective", "Action", "Lead", "Funding"], ["Keep people safe", "Run events", "CS Team", ""],
        ];
        var read = PlanFileReader.Read(new MemoryStream(Sheet(rows)), "draft.xlsx");
        Assert.Equal("Row 4: the table's heading row must be Objective, Action, Success Measure, Lead, Funding; it has Objective, Action, Lead, Funding, without Success Measure.",
            Assert.Single(read.Problems));

        rows[3] = ["Objective", "Action", "Success Measure", "Lead", "Funding"];
        rows[4] = ["", "Run events", "• People reached", "CS Team", ""];
        read = PlanFileReader.Read(new MemoryStream(Sheet(rows)), "draft.xlsx");
        Assert.Equal("Row 5: the action \"Run events\" has no objective above it; write the objective in the Objective column of its first row.",
            Assert.Single(read.Problems));

        rows[4] = ["Keep people safe", "Run events", "• People reached", "CS Team", "£250"];
        read = PlanFileReader.Read(new MemoryStream(Sheet(rows)), "draft.xlsx");
        Assert.Empty(read.Problems);
        var action = read.Plan!.Priorities.Single().Objectives.Single().Actions.Single();
        Assert.Equal(("2024-25", "People", "Run events", "People reached", 250m), (read.Plan.FinancialYear, read.Plan.Priorities[0].Name, action.Text, action.SuccessMeasures![0], action.FundingAmount));
    }

    [Fact]
    public void A_sheet_saved_by_excel_with_shared_strings_reads_the_same()
    {
        List<string[]> rows =
        [
            ["Action plan 2024/25"], ["Cross cutting priorities"], ["• Share information"], ["Priority 2", "Places: Work with communities\nFocussing on:\n○ Anti-social behaviour"],
            ["Headline Indicator", "Numbers of ASB complaints\nDrug Offences"], ["Funding", "PLF"],
            ["Objective", "Action", "Success Measures", "Lead", "Funding"], ["Prevent ASB", "Safer Summer events", "• Numbers engaged\n• Events held", "CS Team/Police", "1800 – from reserves"],
            ["", "Pop-up sessions", "Numbers engaged", "Police", ""],
        ];

        var read = PlanFileReader.Read(new MemoryStream(Sheet(rows, shared: true)), "saved-by-excel.xlsx");

        Assert.Empty(read.Problems);
        var plan = read.Plan!;
        Assert.Equal(("2024-25", "Action plan 2024/25", "Share information"), (plan.FinancialYear, plan.Title, plan.CrossCuttingPriorities![0]));
        var places = plan.Priorities.Single();
        Assert.Equal((2, "Places", "Work with communities", "Anti-social behaviour"), (places.Number, places.Name, places.Description, places.FocusAreas![0]));
        Assert.Equal(["Numbers of ASB complaints", "Drug Offences"], places.HeadlineIndicators!.Select(i => i.Text));
        var actions = places.Objectives.Single().Actions;
        Assert.Equal(["Numbers engaged", "Events held"], actions[0].SuccessMeasures);
        Assert.Equal((1800m, "CS Team/Police"), (actions[0].FundingAmount, actions[0].Lead));
        Assert.Equal(("Pop-up sessions", (decimal?)null), (actions[1].Text, actions[1].FundingAmount));
    }

    [Fact]
    public void A_json_plan_with_a_broken_item_is_refused_naming_it()
    {
        const string json = """{ "financialYear": "2024-25", "title": "Plan", "priorities": [ { "number": 1, "name": "People", "description": "d", "objectives": [ { "text": "o", "actions": [ { "text": "" } ] } ] } ] }""";
        var read = PlanFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "plan.json");
        Assert.Equal("Priority 1, objective 1, action 1 is empty; it is needed.", Assert.Single(read.Problems));

        read = PlanFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes("{ \"financialYear\": 2024 ")), "plan.json");
        Assert.StartsWith("The file plan.json is not a plan the dashboard can read (line 1)", Assert.Single(read.Problems));
    }

    [Fact]
    public async Task Replacing_a_year_that_has_returns_is_refused_and_a_preview_says_what_would_change()
    {
        await using var database = await PlanDatabase.CreateAsync(withSampleData: false);
        var plan = (await database.Files.GetExportAsync("2023-24", null))!.Plan;
        var people = plan.Priorities[0];
        var changed = plan with
        {
            Priorities = [people with { Objectives = [people.Objectives[0] with { Actions = [people.Objectives[0].Actions[0] with { Lead = "CS Team" }] }] }, .. plan.Priorities.Skip(1)],
        };

        var preview = await database.Files.PreviewImportAsync(changed);
        Assert.True(preview.ReplacesPlan);
        Assert.StartsWith("Action \"HDC Domestic Abuse Link Worker working with DA victims", Assert.Single(preview.Changes.Changed));
        Assert.Contains(preview.Changes.Retired, r => r.StartsWith("Action \"Work with Crisis Café", StringComparison.Ordinal));
        Assert.Empty(preview.Changes.Added);
        Assert.StartsWith("The 2023-24 plan already has quarterly returns or progress (Q1, Q2), and replacing it would lose what was reported.", preview.Refusal);

        var outcome = await database.Files.ImportAsync(changed, TestPeople.Manager("Sam Manager"));
        Assert.False(outcome.Done);
        Assert.Equal(Json(plan), Json((await database.Files.GetExportAsync("2023-24", null))!.Plan));

        var same = await database.Files.ImportAsync(plan, TestPeople.Manager("Sam Manager"));
        Assert.True(same.Done);
        Assert.Equal("The file is the same as the 2023-24 plan already held; importing it changes nothing.", same.Message);
    }

    [Fact]
    public async Task Only_a_manager_may_import_and_a_year_without_returns_is_replaced()
    {
        await using var database = await PlanDatabase.CreateAsync(withSampleData: false);
        var plan = (await database.Files.GetExportAsync("2023-24", null))!.Plan;
        var next = plan with { FinancialYear = "2024-25", Title = "Plan for 2024-2025", Opcc = plan.Opcc! with { Projects = [] } };

        var refused = await database.Files.ImportAsync(next, TestPeople.Viewer("Val Viewer"));
        Assert.Equal("Only a Manager can import a plan.", refused.Message);

        Assert.True((await database.Files.ImportAsync(next, TestPeople.Manager("Sam Manager"))).Done);
        var renamed = next with { Title = "Plan for 2024-2025 (revised)" };
        var outcome = await database.Files.ImportAsync(renamed, TestPeople.Manager("Sam Manager"));
        Assert.True(outcome.Done, outcome.Message);
        Assert.Equal("The file would replace the 2024-25 plan: 0 added, 1 changed, 0 retired.", outcome.Message);
        Assert.Equal("Plan for 2024-2025 (revised)", (await database.Files.GetExportAsync("2024-25", null))!.Plan.Title);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A one-sheet workbook with these rows, as an officer's own spreadsheet would be.</summary>
    private static byte[] Sheet(IReadOnlyList<string[]> rows, bool shared = false)
    {
        var strings = rows.SelectMany(r => r).Distinct().ToList();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            foreach (var (cells, r) in rows.Select((x, i) => (x, i + 1)))
            {
                var row = new DocumentFormat.OpenXml.Spreadsheet.Row { RowIndex = (uint)r };
                foreach (var (text, c) in cells.Select((x, i) => (x, i)))
                    row.Append(shared
                        ? new DocumentFormat.OpenXml.Spreadsheet.Cell
                        {
                            CellReference = $"{(char)('A' + c)}{r}",
                            DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.SharedString,
                            CellValue = new DocumentFormat.OpenXml.Spreadsheet.CellValue(strings.IndexOf(text).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        }
                        : new DocumentFormat.OpenXml.Spreadsheet.Cell
                        {
                            CellReference = $"{(char)('A' + c)}{r}",
                            DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                            InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)),
                        });
                data.Append(row);
            }
            sheetPart.Worksheet = new DocumentFormat.OpenXml.Spreadsheet.Worksheet(data);
            if (shared)
                workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new DocumentFormat.OpenXml.Spreadsheet.SharedStringTable(
                    strings.Select(t => new DocumentFormat.OpenXml.Spreadsheet.SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(t))));
            workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets(
                new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Plan" }));
        }
        return stream.ToArray();
    }
}
