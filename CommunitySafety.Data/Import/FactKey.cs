using System.Globalization;
using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;
using CsvHelper;

namespace CommunitySafety.Data.Import;

/// <summary>
/// One aggregated count's key packed into a long, so counting a row is one cheap dictionary step:
/// month (14 bits), category (2), domestic (1), beat (16), crime type (15), location type (15).
/// </summary>
internal static class FactKey
{
    public const int MaxNames = 32_767;

    public static long Pack(YearMonth month, Category category, bool domestic, int beat, int crimeType, int locationType)
    {
        long monthIndex = (month.Year - 1900) * 12 + month.Month - 1;
        return monthIndex << 49 | (long)category << 47 | (domestic ? 1L : 0L) << 46
               | (long)beat << 30 | (long)(crimeType + 1) << 15 | (long)(locationType + 1);
    }

    public static NewFact Unpack(long key, int count, ImportNames names)
    {
        var monthIndex = (int)(key >> 49);
        var month = new YearMonth(1900 + monthIndex / 12, monthIndex % 12 + 1);
        var category = (Category)((key >> 47) & 0b11);
        var domestic = ((key >> 46) & 1) == 1;
        var beat = (int)((key >> 30) & 0xFFFF);
        var crimeType = (int)((key >> 15) & 0x7FFF) - 1;
        var locationType = (int)(key & 0x7FFF) - 1;
        var (area, beatName) = names.Beats.Of(beat);
        return new NewFact(month.Key, beatName, category, names.CrimeTypes.NameOf(crimeType),
            names.LocationTypes.NameOf(locationType), domestic, count, area);
    }

    /// <summary>The month and beat of a key, without making its names.</summary>
    public static (int Month, int Beat) MonthAndBeat(long key)
    {
        var monthIndex = (int)(key >> 49);
        return ((1900 + monthIndex / 12) * 100 + monthIndex % 12 + 1, (int)((key >> 30) & 0xFFFF));
    }
}
