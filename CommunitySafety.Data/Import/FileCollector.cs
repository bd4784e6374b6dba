using CommunitySafety.Data.Model;
using CommunitySafety.Data.Storage;

namespace CommunitySafety.Data.Import;

/// <summary>
/// What reading one file produced: counts aggregated while reading (so memory follows the number of distinct
/// month/beat/type combinations, not the number of rows), the months seen, and every error, skip and warning.
/// </summary>
internal sealed class FileCollector(string fileName, int maxErrorsKept)
{
    public string FileName { get; } = fileName;
    public ImportFormat Format { get; set; } = ImportFormat.Auto;
    public string Encoding { get; set; } = "UTF-8";
    public string Sha256 { get; set; } = "";
    /// <summary>Counts by <see cref="FactKey"/>.</summary>
    public Dictionary<long, int> Counts { get; } = [];
    public Dictionary<int, (bool HasDomestic, bool HasLocationType)> Months { get; } = [];
    public List<ImportError> Errors { get; } = [];
    public int TotalErrors { get; private set; }
    public Dictionary<string, int> SkipReasons { get; } = new(StringComparer.Ordinal);
    public List<string> Warnings { get; } = [];
    public int RowsRead { get; set; }
    public int RowsKept { get; private set; }
    public int RowsSkipped { get; private set; }

    /// <summary>Hears of every error, also those beyond the ones kept in memory (the full error report).</summary>
    public Action<ImportError>? OnError { get; set; }

    public void AddError(int? line, string? column, string? value, string problem)
    {
        TotalErrors++;
        if (OnError is null && Errors.Count >= maxErrorsKept) return;
        var error = new ImportError(FileName, line, column, value, problem);
        if (Errors.Count < maxErrorsKept) Errors.Add(error);
        OnError?.Invoke(error);
    }

    public void Skip(string reason)
    {
        RowsSkipped++;
        SkipReasons[reason] = SkipReasons.GetValueOrDefault(reason) + 1;
    }

    /// <summary>The areas whose rows were skipped because they are not kept (a force's file holds every district of it).</summary>
    public HashSet<string> AreasNotKept { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The figures of a population file (a few thousand at most: one an LSOA a year).</summary>
    public List<NewPopulation> Populations { get; } = [];

    public void KeepPopulation(NewPopulation population)
    {
        RowsKept++;
        if (TotalErrors == 0) Populations.Add(population);
    }

    private int _lastMonth;

    public void Keep(YearMonth month, long key, int count, bool hasDomestic, bool hasLocationType)
    {
        RowsKept++;
        if (TotalErrors > 0) return; // the file will be refused: stop spending memory on counts
        ref var total = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Counts, key, out _);
        total += count;
        if (month.Key == _lastMonth) return;
        _lastMonth = month.Key;
        Months.TryAdd(month.Key, (hasDomestic, hasLocationType));
    }
}
