using MudBlazor;

namespace CommunitySafety.Dashboard.Components.Layout;

/// <summary>
/// MudBlazor's palette with the colours darkened (light) or lightened (dark) where the defaults fall short of
/// WCAG AA contrast, notably the green and red that mark a change as good or bad.
/// </summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#7b1fa2",
            AppbarBackground = "#173f6e",
            AppbarText = "#ffffff",
            Success = "#1b6e32",
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#1f5fa8",
            TextSecondary = "#4b5563",
            Background = "#f5f7fa",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab8ff",
            // Dark text on the light blue: white on it is below AA contrast for filled buttons.
            PrimaryContrastText = "#0b1b2e",
            Secondary = "#ce93d8",
            AppbarBackground = "#11253d",
            AppbarText = "#ffffff",
            Success = "#7fd08a",
            Error = "#ff9e97",
            Warning = "#ffc46b",
            Info = "#8ab8ff",
            TextPrimary = "#e8eaed",
            TextSecondary = "#c0c6ce",
            Background = "#15181d",
            Surface = "#1e2228",
            DrawerBackground = "#1e2228",
        },
    };
}
