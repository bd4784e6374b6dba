using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunitySafety.Data.Figures;

/// <summary>The one JSON shape of the summary, shared by `summary --json` and GET /api/summary.</summary>
public static class SummaryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // The figures service shares one summary per data version, period and area: so is its JSON, however many ask.
    private static readonly ConditionalWeakTable<Summary, byte[]> Utf8 = new();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The summary's JSON as UTF-8, written once for each summary and shared.</summary>
    public static byte[] Utf8Of(Summary summary) => Utf8.GetValue(summary, s => JsonSerializer.SerializeToUtf8Bytes(s, Options));
}
