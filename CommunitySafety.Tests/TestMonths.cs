using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests;

/// <summary>Months written as the files and the JSON write them, for tests that compare typed months.</summary>
public static class TestMonths
{
    /// <summary>M("2023-04") is April 2023.</summary>
    public static YearMonth M(string iso) =>
        YearMonth.TryParseIso(iso, out var month) ? month : throw new ArgumentException($"'{iso}' is not a month like 2023-04.", nameof(iso));
}
