// The menu's breakpoint (MudBlazor's md, 960px): whether the screen is wide now, and a call back whenever that changes.
const wide = window.matchMedia("(min-width: 960px)");
let listener = null;

export function watchWidth(layout) {
    unwatch();
    listener = e => layout.invokeMethodAsync("WidthChanged", e.matches);
    wide.addEventListener("change", listener);
    return wide.matches;
}

export function unwatch() {
    if (listener) wide.removeEventListener("change", listener);
    listener = null;
}
