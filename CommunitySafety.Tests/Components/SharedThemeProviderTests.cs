using Bunit;
using CommunitySafety.Dashboard.Components.Layout;
using MudBlazor;

namespace CommunitySafety.Tests.Components;

public class SharedThemeProviderTests : ComponentTestContext
{
    [Fact]
    public void It_draws_the_theme_as_MudBlazor_writes_it_in_light_and_dark()
    {
        var mud = Render<MudThemeProvider>(p => p.Add(c => c.Theme, DashboardTheme.Theme));
        var light = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, DashboardTheme.Theme));
        var dark = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, DashboardTheme.Theme).Add(c => c.IsDarkMode, true));

        Assert.Equal(mud.Markup, light.Markup);
        Assert.Contains("--mud-palette-primary: rgba(31,95,168,1);", light.Markup);
        Assert.Contains("--mud-palette-primary: rgba(138,184,255,1);", dark.Markup);
    }

    [Fact]
    public void Every_page_keeps_one_instance_of_each_stylesheet()
    {
        var stylesheet = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, DashboardTheme.Theme)).Markup;

        // Two pages' renders write equal text in two strings; both are drawn from the one kept.
        Assert.Same(SharedThemeProvider.Shared(new string(stylesheet.AsSpan())), SharedThemeProvider.Shared(new string(stylesheet.AsSpan())));
    }

    [Fact]
    public void It_draws_again_only_when_the_theme_or_the_mode_changes()
    {
        var provider = Render<SharedThemeProvider>(p => p.Add(c => c.Theme, DashboardTheme.Theme));
        var drawn = provider.RenderCount;

        // The layout passes the same parameters on every change of data.
        provider.Render(p => p.Add(c => c.Theme, DashboardTheme.Theme));
        Assert.Equal(drawn, provider.RenderCount);

        provider.Render(p => p.Add(c => c.Theme, DashboardTheme.Theme).Add(c => c.IsDarkMode, true));
        Assert.Equal(drawn + 1, provider.RenderCount);
        Assert.Contains("--mud-palette-primary: rgba(138,184,255,1);", provider.Markup);
    }
}
