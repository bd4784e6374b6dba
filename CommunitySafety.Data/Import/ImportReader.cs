using CommunitySafety.Data.Model;

namespace CommunitySafety.Data.Import;

/// <summary>Progress of reading the files of an import, in bytes.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, string FileName);

/// <summary>What reading every file of an import found, before anything is written.</summary>
internal sealed class ImportReading
{
    public List<FileCollector> Files { get; } = [];
    public List<ImportError> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public int TotalErrors => Errors.Count(e => e.Line is null) + Files.Sum(f => f.TotalErrors);

    public IEnumerable<ImportError> AllErrors => Errors.Concat(Files.SelectMany(f => f.Errors));

    /// <summary>Where each file read came from, so that it can be kept once the import commits.</summary>
    public Dictionary<FileCollector, ImportSource> SourceOf { get; } = [];
}

/// <summary>Reads the given files (CSV or zip) in the chosen or recognised format, aggregating as it goes.</summary>
internal static class ImportReader
{
    public static ImportReading Read(
        IReadOnlyList<UploadedFile> files,
        ImportFormat format,
        ImportNames names,
        IReadOnlyDictionary<string, int> alreadyImported,
        int maxErrorsKept,
        IProgress<ImportProgress>? progress,
        ErrorReportFile? errorReport = null,
        ZipLimits? zipLimits = null)
    {
        var reading = new ImportReading();
        var sources = SourcesOf(files, reading, zipLimits ?? ZipLimits.Default);
        var totalBytes = sources.Sum(s => s.Length);
        long doneBytes = 0;
        var seenInThisImport = new Dictionary<string, string>();
        foreach (var source in sources)
        {
            // One budget of errors kept in memory for the whole import, however many files it has.
            var errorsLeft = Math.Max(0, maxErrorsKept - reading.Files.Sum(f => f.Errors.Count));
            var before = doneBytes;
            var collector = ReadOne(source, format, names,
                () => ErrorReportFile.Attach(errorReport, new FileCollector(source.Name, errorsLeft)),
                progress is null ? null : read => progress.Report(new ImportProgress(before + read, totalBytes, source.Name)));
            doneBytes += source.Length;
            KeepUnlessRepeated(reading, source, collector, alreadyImported, seenInThisImport);
        }
        errorReport?.Finish(reading);
        return reading;
    }

    /// <summary>The files to read: each CSV as it is, each zip's street files and beat extracts (a zip that breaks a rule gives none).</summary>
    private static List<ImportSource> SourcesOf(IReadOnlyList<UploadedFile> files, ImportReading reading, ZipLimits zipLimits)
    {
        var sources = new List<ImportSource>();
        foreach (var file in files)
        {
            if (!File.Exists(file.Path))
            {
                reading.Errors.Add(new ImportError(file.Name, null, null, null, "The file cannot be found."));
                continue;
            }
            if (!file.IsZip)
            {
                sources.Add(ImportSource.FromFile(file.Path, file.Name));
                continue;
            }
            try
            {
                var (entries, skipped, problems) = ZipContents.List(file.Path, file.Name, zipLimits);
                if (problems.Count > 0)
                {
                    // Nothing of a zip that breaks a rule is unpacked.
                    reading.Errors.AddRange(problems.Select(p => new ImportError(file.Name, null, null, null, p)));
                    continue;
                }
                if (skipped.Count > 0)
                    reading.Warnings.Add($"{file.Name}: outcomes and stop-and-search files are not used by the dashboard and were skipped: {CsvFileReader.ListForPeople(skipped)}.");
                if (entries.Count == 0)
                    reading.Errors.Add(new ImportError(file.Name, null, null, null,
                        "The zip file holds no police.uk street files (named like 2023-06-leicestershire-street.csv) and no beat extracts."));
                sources.AddRange(entries);
            }
            catch (InvalidDataException)
            {
                reading.Errors.Add(new ImportError(file.Name, null, null, null, "The file is named .zip but is not a zip file that can be opened."));
            }
        }
        return sources;
    }

    /// <summary>Reads one file, turning a damaged or oversized zip entry and a free-text column into a sentence.</summary>
    private static FileCollector ReadOne(ImportSource source, ImportFormat format, ImportNames names, Func<FileCollector> newCollector, Action<long>? progress)
    {
        FileCollector collector;
        try
        {
            return CsvFileReader.Read(source, newCollector, (normalized, original, c) => StartReading(format, normalized, original, c, names), progress);
        }
        catch (InvalidDataException)
        {
            collector = newCollector();
            collector.AddError(null, null, null, "This file in the zip is damaged and cannot be read. Download the zip again.");
        }
        catch (ZipEntryTooLargeException e)
        {
            collector = newCollector();
            collector.AddError(null, null, null,
                $"This file in the zip unpacks to more than {ZipLimits.Megabytes(e.MaxBytes)}, more than it says it holds and more than " +
                "a file may be, so reading stopped there. Check that it is the right zip.");
        }
        catch (TooManyNamesException e)
        {
            collector = newCollector();
            collector.AddError(null, null, null,
                $"The file has more than {e.Count:N0} different beats, crime types or location types, so one of those columns " +
                "holds free text (such as a street address) rather than names. Check the Beat, Type and LocationType columns.");
        }
        return collector;
    }

    /// <summary>A file identical to one already imported, or to another of this import, is left out with a warning.</summary>
    private static void KeepUnlessRepeated(
        ImportReading reading, ImportSource source, FileCollector collector, IReadOnlyDictionary<string, int> alreadyImported, Dictionary<string, string> seenInThisImport)
    {
        if (collector.Sha256.Length > 0 && alreadyImported.TryGetValue(collector.Sha256, out var importId))
            reading.Warnings.Add($"{source.Name} is identical to a file already imported (import {importId}); it was left out.");
        else if (collector.Sha256.Length > 0 && seenInThisImport.TryGetValue(collector.Sha256, out var twin))
            reading.Warnings.Add($"{source.Name} is identical to {twin}; it was read once.");
        else
        {
            if (collector.Sha256.Length > 0) seenInThisImport[collector.Sha256] = source.Name;
            reading.Files.Add(collector);
            reading.SourceOf[collector] = source;
        }
    }

    private static IRowReader? StartReading(ImportFormat format, string[] normalized, string[] original, FileCollector collector, ImportNames names)
    {
        if (format == ImportFormat.Auto)
        {
            if (PoliceUkRows.Recognises(normalized)) format = ImportFormat.PoliceUk;
            else if (BeatExtractRows.Recognises(normalized)) format = ImportFormat.BeatExtract;
            // A header that is plainly one of the two formats with a column missing is read as that format, so
            // that the refusal names the missing columns rather than only describing a good header.
            else if (PoliceUkColumns.LsoaCode.FindIn(normalized) >= 0 || PoliceUkColumns.LsoaName.FindIn(normalized) >= 0
                     || PoliceUkColumns.LooksLikePoliceUk(normalized))
                format = ImportFormat.PoliceUk;
            else if (BeatExtractColumns.Required.Any(c => c.FindIn(normalized) >= 0)) format = ImportFormat.BeatExtract;
            else
            {
                collector.AddError(null, null, null,
                    "The first line is not the header of a file the dashboard can read. A beat extract needs the columns " +
                    "Month, Beat and Category; a police.uk file has the columns Month, LSOA code, LSOA name and Crime type. " +
                    $"The first line has: {CsvFileReader.ListForPeople(original.Take(20))}.");
                return null;
            }
        }
        if (format == ImportFormat.Population) return PopulationRows.Start(normalized, original, collector, names);
        var personal = PersonalDataColumns.Find(original, format);
        if (personal.Count > 0) collector.Warnings.Add(PersonalDataColumns.Warning(collector.FileName, personal));
        return format == ImportFormat.PoliceUk
            ? PoliceUkRows.Start(normalized, original, collector, names)
            : BeatExtractRows.Start(normalized, original, collector, names);
    }
}
