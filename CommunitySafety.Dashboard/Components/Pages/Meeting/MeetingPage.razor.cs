using CommunitySafety.Dashboard.Components.Shared;
using CommunitySafety.Dashboard.Services;
using CommunitySafety.Data.ActionPlan;
using CommunitySafety.Data.Figures;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommunitySafety.Dashboard.Components.Pages.Meeting;

/// <summary>
/// The quarterly meeting: one slide at a time, filling the screen, moved by keys anywhere on the page (a clicker
/// sends Page Up and Page Down). Charts are sized to the space a slide leaves them, so nothing scrolls.
/// </summary>
public sealed partial class MeetingPage : IAsyncDisposable
{
    private const string ModulePath = "./Components/Pages/Meeting/MeetingPage.razor.js";

    private readonly SlideDeck _deck = new(1);
    private ElementReference _stage;
    private ElementReference _body;
    private IJSObjectReference? _module;
    private DotNetObjectReference<MeetingPage>? _self;
    private string _announcement = "";
    private int _bodyHeight;
    private int _measuredSlide = -1;

    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private IActionPlanService Plans { get; set; } = null!;

    /// <summary>The chart fills the slide's body, less the few pixels apexcharts adds below its drawing.</summary>
    private int ChartHeight => Math.Max(240, _bodyHeight - 24);

    protected override Task<MeetingFigures> LoadFiguresAsync(DataOverview overview, FinancialQuarter period, CancellationToken cancellationToken) =>
        MeetingFigures.LoadAsync(FiguresService, Plans, overview, period, cancellationToken);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (Figures is null) return;
        try
        {
            if (_module is null)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
                _self = DotNetObjectReference.Create(this);
                await _module.InvokeVoidAsync("listen", _self, SlideDeck.Keys);
            }
            // A subtitle or a warning leaves a slide's body less room, so each slide is measured as it is shown.
            if (_measuredSlide == _deck.Index) return;
            _measuredSlide = _deck.Index;
            var height = await _module.InvokeAsync<int>("height", _body);
            if (height == _bodyHeight) return;
            _bodyHeight = height;
            StateHasChanged();
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>A key the deck knows, pressed anywhere on the page.</summary>
    [JSInvokable]
    public Task PressAsync(string key) => InvokeAsync(() =>
    {
        if (SlideDeck.CommandFor(key) == SlideCommand.Leave)
        {
            Navigation.NavigateTo(Links.Overview(Period));
            return;
        }
        if (_deck.Press(key)) Announce();
    });

    /// <summary>The window changed size (a projector, full screen): the charts take the new space.</summary>
    [JSInvokable]
    public Task ResizedAsync() => InvokeAsync(() =>
    {
        _measuredSlide = -1;
        StateHasChanged();
    });

    private void Move(int by)
    {
        if (_deck.GoTo(_deck.Index + by)) Announce();
    }

    /// <summary>
    /// New data can change the number of slides (a priority added to the plan): the deck follows before anything is
    /// drawn, so the counter and the Next button are right with the first render of the new figures.
    /// </summary>
    protected override void FiguresLoaded(MeetingFigures? figures)
    {
        if (figures is not null) _deck.Resize(figures.Slides.Count);
    }

    private MeetingSlide CurrentSlide(MeetingFigures figures) => figures.Slides[Math.Min(_deck.Index, figures.Slides.Count - 1)];

    private void Announce()
    {
        if (Figures is null) return;
        _announcement = $"Slide {_deck.Counter}: {Figures.Slides[_deck.Index].Title}";
        StateHasChanged();
    }

    private static IEnumerable<(string Heading, IReadOnlyList<string> Sentences)> NarrativeColumns(Summary summary)
    {
        var sections = summary.NarrativeSections;
        if (sections.Asb.Count > 0) yield return ("Anti-social behaviour", sections.Asb);
        if (sections.Crime.Count > 0) yield return ("Crime", sections.Crime);
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("stop");
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser has gone, and its listeners with it.
        }
        _self?.Dispose();
    }
}
