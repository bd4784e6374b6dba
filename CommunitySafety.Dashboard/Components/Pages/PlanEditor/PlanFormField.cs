namespace CommunitySafety.Dashboard.Components.Pages.PlanEditor;

/// <summary>A field of <see cref="PlanItemForm"/>: a text box of some lines, or, with <see cref="Choices"/>, a list of (value, text) to choose from.</summary>
public sealed record PlanFormField(string Label, string? Value, int Lines = 1, string? Help = null, IReadOnlyList<(string Value, string Text)>? Choices = null);
