// One module for every chart on the page: a map of chart id to its ApexCharts instance.
// Options arrive as JSON text, so every chart gets its own fresh object and nothing is shared or evaluated.
const charts = new Map();

// ApexCharts writes legend and tooltip text as HTML, and names and categories come from imported files (beat and
// crime type names): they go through these formatters so they are always shown as text.
const asText = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function parse(optionsJson) {
    const options = JSON.parse(optionsJson);
    options.legend = { ...options.legend, formatter: name => asText(name) };
    const tooltip = options.tooltip ?? {};
    options.tooltip = {
        ...tooltip,
        x: { ...tooltip.x, formatter: value => asText(value) },
        y: { ...tooltip.y, title: { ...tooltip.y?.title, formatter: name => asText(name) } },
    };
    return options;
}

export async function init(element, id, optionsJson) {
    destroy(id);
    // The component can leave the page (a slide moved on) before its first draw arrives.
    if (!element?.isConnected) return;
    const chart = new window.ApexCharts(element, parse(optionsJson));
    charts.set(id, chart);
    await chart.render();
}

export async function update(id, optionsJson) {
    const chart = charts.get(id);
    if (!chart) return;
    // Redraw from the new options in place; animations are off so a quick series of updates shows the last at once.
    await chart.updateOptions(parse(optionsJson), true, false, false);
}

export function destroy(id) {
    const chart = charts.get(id);
    if (!chart) return;
    charts.delete(id);
    try {
        chart.destroy();
    } catch {
        // Its element has already left the page, and the chart with it.
    }
}
