using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.Access;
using CommunitySafety.Data.ActionPlan;
using Microsoft.AspNetCore.Components;

namespace CommunitySafety.Dashboard.Components.Pages.PlanFiles;

/// <summary>The plan out as Word, Excel or the plan file (anyone who may view), and a plan file in with its preview (a Manager).</summary>
public partial class PlanFilesPage
{
    private IReadOnlyList<string> _years = [];
    private string _year = "";
    private int _quarter;
    private bool _loaded;
    private Person? _person;

    private bool _busy;
    private string? _status;
    private string? _fileName;
    private string _problemsTitle = "";
    private IReadOnlyList<string> _problems = [];
    private PlanDocument? _plan;
    private PlanImportPreview? _preview;

    [SupplyParameterFromQuery(Name = PeriodChoice.YearKey)] public string? Year { get; set; }

    protected override string LoadFailedSentence =>
        "The plan years could not be loaded just now. Try again in a moment; if it keeps happening, tell the dashboard's administrator.";

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        _person ??= await CurrentPerson.GetAsync();
        try
        {
            var years = await Plans.GetYearsAsync(cancellationToken);
            if (!IsLatest(cancellationToken)) return;
            _years = years;
            if (!years.Contains(_year)) _year = years.FirstOrDefault(y => y == Year?.Trim()) ?? years.FirstOrDefault() ?? "";
        }
        finally
        {
            _loaded = true;
        }
    }

    private string Download(string extension) =>
        $"api/action-plan/plan.{extension}?{PeriodChoice.YearKey}={Uri.EscapeDataString(_year)}" +
        (_quarter > 0 && extension != "json" ? $"&{PeriodChoice.QuarterKey}={_quarter}" : "");

    private async Task ChosenAsync(IReadOnlyList<IncomingFile> files)
    {
        Clear();
        if (files.Count != 1)
        {
            Refuse("Choose one plan file.", ["Only one file can be brought in at a time."]);
            return;
        }
        var file = files[0];
        _fileName = file.Name;
        if (file.Size > PlanFileLimits.MaxFileBytes)
        {
            Refuse($"{file.Name} was not read.", [$"The file is more than {PlanFileLimits.MaxFileBytes >> 20} MB, larger than any plan: check that it is the right file."]);
            return;
        }

        _busy = true;
        _status = $"Reading {file.Name}…";
        StateHasChanged();
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenRead(PlanFileLimits.MaxFileBytes)) await stream.CopyToAsync(buffer);
            buffer.Position = 0;
            var read = PlanFileReader.Read(buffer, file.Name);
            if (read.Plan is null)
            {
                Refuse($"{file.Name} cannot be brought in; nothing was changed.", read.Problems);
                return;
            }
            _plan = read.Plan;
            _preview = await Files.PreviewImportAsync(read.Plan);
            _status = null;
        }
        catch (IOException)
        {
            Refuse($"{file.Name} could not be uploaded.", ["The upload stopped before the whole file arrived. Try again."]);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ImportAsync()
    {
        if (_plan is null) return;
        _busy = true;
        try
        {
            var outcome = await Files.ImportAsync(_plan, await CurrentPerson.GetAsync());
            if (!outcome.Done)
            {
                Refuse("The plan was not imported; nothing was changed.", [outcome.Message]);
                return;
            }
            var year = _plan.FinancialYear;
            Clear();
            _status = $"The {year} plan has been imported. {outcome.Message}";
            _year = year;
            await RefreshAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private void Refuse(string title, IReadOnlyList<string> problems)
    {
        _problemsTitle = title;
        _problems = problems;
        _preview = null;
        _plan = null;
        _status = null;
    }

    private void Clear()
    {
        _problems = [];
        _preview = null;
        _plan = null;
        _status = null;
    }
}
