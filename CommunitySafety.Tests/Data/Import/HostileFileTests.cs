using System.IO.Compression;
using System.Text;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Storage;
using static CommunitySafety.Tests.Data.Import.BadInputTests;
using static CommunitySafety.Tests.Data.TestDatabase;

namespace CommunitySafety.Tests.Data.Import;

/// <summary>
/// Files made to break the importer (issue 16): each is refused as a general rule, in a sentence, with the database
/// exactly as it was (<see cref="BadInputTests.RefusedAsync"/> compares a dump of every table), and what is said
/// about it stays short however large the file.
/// </summary>
public class HostileFileTests
{
    private const string Header = "Month,Beat,Category,Type,LocationType,Domestic,Count";
    private const string StreetHeader =
        "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    /// <summary>Every sentence printed or stored about a refusal is short, whatever the file held.</summary>
    private static void AllShort(ImportReport report, int longest = 1_000)
    {
        Assert.InRange(report.Message.Length, 1, longest);
        Assert.All(report.Errors, e => Assert.InRange(e.ToString().Length, 1, longest));
        Assert.All(report.Warnings, w => Assert.InRange(w.Length, 1, longest));
    }

    // ---- dates ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("31/02/2023", "Feb 2023 has 28 days")]
    [InlineData("2023-02-30", "Feb 2023 has 28 days")]
    [InlineData("29/02/2023", "Feb 2023 has 28 days")]
    [InlineData("31/04/2023", "Apr 2023 has 30 days")]
    [InlineData("2023-06-31", "Jun 2023 has 30 days")]
    public async Task A_date_that_does_not_exist_is_refused_not_read_as_its_month(string date, string said)
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("dates.csv", Lines(Header, "2023-07,Harborough North,ASB,,,,1", $"{date},Harborough North,ASB,,,,1")));

        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "Month", date), (error.Line, error.Column, error.Value));
        Assert.Contains("a date that exists", error.Problem);
        Assert.Contains(said, error.Problem);
    }

    [Fact]
    public async Task A_leap_day_is_a_date_that_exists()
    {
        await using var db = await CreateAsync();
        await db.ImportOkAsync(db.WriteFile("leap.csv", Lines(Header, "29/02/2024,Harborough North,ASB,,,,4", "2024-02-29,Harborough North,ASB,,,,1")));
        Assert.Equal(5, (await db.MonthlyAsync("asb"))["2024-02"]);
    }

    // ---- field counts -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("2023-07,Harborough North,ASB,Nuisance,Street,N,1,x,y,z", 10)]
    [InlineData("2023-07,Harborough North,ASB,Nuisance,Street,1", 6)]
    public async Task A_row_whose_field_count_differs_from_the_header_is_refused_naming_its_line(string row, int fields)
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("shifted.csv", Lines(Header, "2023-07,Harborough North,ASB,Nuisance,Street,N,1", row)));

        var error = Assert.Single(report.Errors);
        Assert.Equal((3, "(the whole row)"), (error.Line, error.Column));
        Assert.Contains("7 fields", error.Problem);
        Assert.Contains($"has {fields}", error.Problem);
        Assert.Contains("missing quote", error.Problem);
    }

    // ---- names ------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Harborough\u0000North", "Beat")]
    [InlineData("Harborough\tNorth", "Beat")]
    [InlineData("Harborough\u001bNorth", "Beat")]
    [InlineData("Harborough\u202eNorth", "Beat")]
    public async Task A_name_with_a_control_character_is_refused(string beat, string column)
    {
        await using var db = await WithOneImportAsync();
        // Past the first 8 KB, where the check for binary files does not look.
        var good = Enumerable.Repeat("2023-07,Harborough North,ASB,Nuisance,Street,N,1", 300);
        var report = await RefusedAsync(db, db.WriteFile("names.csv", Lines([Header, .. good, $"2023-07,\"{beat}\",ASB,Nuisance,Street,N,1"])));

        var error = Assert.Single(report.Errors);
        Assert.Equal((302, column), (error.Line, error.Column));
        Assert.Contains("printable", error.Problem);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task A_beat_type_or_location_type_longer_than_100_characters_is_refused(int column)
    {
        await using var db = await WithOneImportAsync();
        var fields = "2023-07,Harborough North,Crime,Burglary,Street,N,1".Split(',');
        fields[column] = new string('x', 10_000);
        var report = await RefusedAsync(db, db.WriteFile("long.csv", Lines(Header, string.Join(',', fields))));

        var error = Assert.Single(report.Errors);
        Assert.Equal((2, Header.Split(',')[column]), (error.Line, error.Column));
        Assert.Contains("at most 100 characters", error.Problem);
        AllShort(report);
    }

    [Fact]
    public async Task A_name_of_exactly_100_characters_is_kept()
    {
        await using var db = await CreateAsync();
        var beat = "Harborough " + new string('n', 89);
        await db.ImportOkAsync(db.WriteFile("ok.csv", Lines(Header, $"2023-07,{beat},ASB,,,,1")));
        Assert.Equal(1, (await db.MonthlyAsync("asb", beat))["2023-07"]);
    }

    [Fact]
    public async Task A_police_uk_crime_type_with_a_control_character_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("2023-07-leicestershire-street.csv", Lines(StreetHeader,
            "x,2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025780,Harborough 002A,\"Bur\u0007glary\",,")));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2, "Crime type"), (error.Line, error.Column));
    }

    // ---- headers ----------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("Month,Beat,Category,Count,Month", 1, 5)]
    [InlineData("Month,Beat,Category,Date", 1, 4)]
    [InlineData("Beat,Month,Category,Count,Number", 4, 5)]
    [InlineData("Month,Beat Name,Category,Beat", 2, 4)]
    public async Task A_header_with_a_column_twice_is_refused_as_ambiguous_naming_both_positions(string header, int first, int second)
    {
        await using var db = await WithOneImportAsync();
        var fields = header.Split(',').Length;
        var row = string.Join(',', header.Split(',').Select(h => h switch
        {
            "Month" or "Date" => "2023-07",
            "Beat" or "Beat Name" => "Harborough North",
            "Category" => "ASB",
            _ => "1",
        }));
        Assert.Equal(fields, row.Split(',').Length);

        var report = await RefusedAsync(db, db.WriteFile("twice.csv", Lines(header, row)));

        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains($"(column {first})", problem);
        Assert.Contains($"(column {second})", problem);
        Assert.Contains("more than one", problem);
    }

    [Fact]
    public async Task A_police_uk_header_with_a_column_twice_is_refused_too()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("2023-07-leicestershire-street.csv", Lines(StreetHeader + ",Crime type",
            "x,2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025780,Harborough 002A,Burglary,,,Robbery")));
        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("(column 10)", problem);
        Assert.Contains("(column 13)", problem);
    }

    [Fact]
    public async Task A_header_of_more_than_200_columns_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var extra = Enumerable.Range(1, 198).Select(i => $"Extra {i}").ToList();
        var report = await RefusedAsync(db, db.WriteFile("wide.csv", Lines(
            string.Join(',', ["Month", "Beat", "Category", .. extra]),
            string.Join(',', ["2023-07", "Harborough North", "ASB", .. extra.Select(_ => "")]))));

        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("201 columns", problem);
        Assert.Contains("at most 200", problem);
    }

    [Fact]
    public async Task A_header_of_half_a_million_columns_is_refused_in_a_short_sentence()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("million.csv", "Month,Beat,Category" + string.Concat(Enumerable.Repeat(",c", 500_000)) + "\n2023-07,Harborough North,ASB\n"));

        Assert.Contains("500,003 columns", Assert.Single(report.Errors).Problem);
        AllShort(report);
    }

    [Fact]
    public async Task Two_hundred_columns_are_read_and_the_warning_naming_those_ignored_is_short()
    {
        await using var db = await CreateAsync();
        // 197 ignored columns, each with a name of 4,000 characters: 800 KB of header.
        var extra = Enumerable.Range(1, 197).Select(i => $"Extra {i} " + new string('x', 4_000)).ToList();
        var report = await db.ImportOkAsync(db.WriteFile("wide.csv", Lines(
            string.Join(',', ["Month", "Beat", "Category", .. extra]),
            string.Join(',', ["2023-07", "Harborough North", "ASB", .. extra.Select(_ => "")]))));

        var warning = Assert.Single(report.Warnings, w => w.Contains("ignored"));
        Assert.Contains("Extra 1 x", warning);
        Assert.Contains("and 167 more", warning);
        AllShort(report, longest: 5_000);
        var stored = Assert.Single(await ImportHistory.ListAsync(db.DbFactory));
        Assert.All(stored.Warnings, w => Assert.InRange(w.Length, 1, 5_000));
    }

    [Fact]
    public async Task The_warnings_kept_with_an_import_are_the_first_200_and_a_count()
    {
        await using var db = await CreateAsync();
        var extract = Lines(Header, "2023-07,Harborough North,ASB,,,,1");
        var zip = Zip(db, "copies.zip", [.. Enumerable.Range(0, 251).Select(i => ($"copy-{i:D3}.csv", extract))]);

        var report = await db.ImportOkAsync(zip);

        Assert.Equal(201, report.Warnings.Count);
        Assert.Contains("identical to copies.zip/copy-000.csv", report.Warnings[0]);
        Assert.Equal("... and 50 more warnings like these.", report.Warnings[^1]);
        Assert.Equal(201, Assert.Single(await ImportHistory.ListAsync(db.DbFactory)).Warnings.Count);
    }

    // ---- rows too long ----------------------------------------------------------------------------------------

    /// <summary>Writes <paramref name="start"/> then <paramref name="megabytes"/> MB of <paramref name="filler"/>, a chunk at a time.</summary>
    private static string WriteLongFile(TestDatabase db, string name, string start, int megabytes, byte filler = (byte)'x')
    {
        var path = Path.Combine(db.Folder, name);
        using var file = File.Create(path);
        file.Write(Encoding.UTF8.GetBytes(start));
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, filler);
        for (var i = 0; i < megabytes; i++) file.Write(chunk);
        return path;
    }

    [Theory]
    [InlineData("", "line 1")]
    [InlineData(Header + "\n2023-07,Harborough North,ASB,,,,1\n", "line 3")]
    [InlineData(Header + "\n2023-07,\"Harborough North,ASB,,,,1\n", "line 2")]
    public async Task A_50_MB_line_is_refused_naming_it_in_a_short_sentence(string start, string line)
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, WriteLongFile(db, "long.csv", start, 50));

        var problem = report.Errors[^1].Problem;
        Assert.Contains(line, problem);
        Assert.Contains("longer than 1 MB", problem);
        AllShort(report);
    }

    [Fact]
    public async Task A_row_just_under_the_limit_is_read_as_a_row()
    {
        await using var db = await WithOneImportAsync();
        var notes = new string('n', ImportLimits.MaxRowBytes - 100);
        var report = await RefusedAsync(db, db.WriteFile("notes.csv", Lines(Header + ",Notes", $"2023-07,Harborough North,ASB,,,,many,{notes}")));
        Assert.Equal(("Count", "many"), (Assert.Single(report.Errors).Column, report.Errors[0].Value));
    }

    // ---- UTF-16 -----------------------------------------------------------------------------------------------

    public static TheoryData<string, bool, string> Utf16Forms => new()
    {
        { "utf-16LE", true, "UTF-16 LE" },
        { "utf-16BE", true, "UTF-16 BE" },
        { "utf-16LE", false, "UTF-16 LE" },
        { "utf-16BE", false, "UTF-16 BE" },
    };

    [Theory]
    [MemberData(nameof(Utf16Forms))]
    public async Task A_utf16_file_is_read(string encodingName, bool byteOrderMark, string said)
    {
        await using var db = await CreateAsync();
        var encoding = Encoding.GetEncoding(encodingName);
        var text = Lines(Header, "2023-07,Market Harborough Café,ASB,Nuisance,Street,N,3", "2023-08,Market Harborough Café,Crime,Burglary,Dwelling,Y,2");
        var path = db.WriteBytes("unicode.csv", [.. byteOrderMark ? encoding.GetPreamble() : [], .. encoding.GetBytes(text)]);

        var report = await db.ImportOkAsync(path);

        Assert.Equal(said, Assert.Single(report.Files).Encoding);
        Assert.Equal(3, (await db.MonthlyAsync("asb", "Market Harborough Café"))["2023-07"]);
        Assert.Equal(2, (await db.MonthlyAsync("crime", "Market Harborough Café"))["2023-08"]);
    }

    [Fact]
    public async Task Excels_unicode_text_with_tabs_between_the_columns_is_read()
    {
        await using var db = await CreateAsync();
        var text = string.Join("\r\n", Header.Replace(',', '\t'), "2023-07\tMarket Harborough Café\tASB\tNuisance\tStreet\tN\t3") + "\r\n";
        var path = db.WriteFile("unicode.txt", text, Encoding.Unicode);

        var report = await db.ImportOkAsync(path);

        Assert.Equal("UTF-16 LE", Assert.Single(report.Files).Encoding);
        Assert.Equal(3, (await db.MonthlyAsync("asb", "Market Harborough Café"))["2023-07"]);
    }

    // ---- police.uk without LSOA -------------------------------------------------------------------------------

    [Fact]
    public async Task A_police_uk_file_without_its_lsoa_columns_is_named_as_such()
    {
        await using var db = await WithOneImportAsync();
        var report = await RefusedAsync(db, db.WriteFile("2023-07-leicestershire-street.csv", Lines(
            "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,Crime type,Last outcome category,Context",
            "x,2023-07,Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,Burglary,,")));

        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("police.uk file is missing the LSOA columns", problem);
        Assert.DoesNotContain("beat extract", problem);
        Assert.DoesNotContain("Category", problem);
    }

    // ---- zips -------------------------------------------------------------------------------------------------

    private static string Zip(TestDatabase db, string zipName, params (string Name, string Text)[] entries)
    {
        var path = Path.Combine(db.Folder, zipName);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
            writer.Write(text);
        }
        return path;
    }

    private static string Street(string month, int rows = 3) => Lines([StreetHeader, .. Enumerable.Range(0, rows).Select(i =>
        $"id{i},{month},Leicestershire Police,Leicestershire Police,-0.9,52.4,On or near Main Street,E01025780,Harborough 002A,Burglary,,")]);

    [Fact]
    public async Task A_zip_entry_that_fails_its_crc_is_refused_naming_the_entry()
    {
        await using var db = await WithOneImportAsync();
        var zip = Zip(db, "download.zip", ("2023-07/2023-07-leicestershire-street.csv", Street("2023-07")));
        // Stored without compression, so one changed byte still unpacks: "2023-07" becomes "2023-08" in a row.
        var bytes = await File.ReadAllBytesAsync(zip);
        var row = Encoding.ASCII.GetBytes("id1,2023-07");
        var at = bytes.AsSpan().IndexOf(row);
        Assert.True(at > 0);
        bytes[at + row.Length - 1] = (byte)'8';
        await File.WriteAllBytesAsync(zip, bytes);

        var report = await RefusedAsync(db, zip);

        var error = Assert.Single(report.Errors);
        Assert.Equal("download.zip/2023-07/2023-07-leicestershire-street.csv", error.File);
        Assert.Contains("damaged", error.Problem);
    }

    [Theory]
    [InlineData("../../evil-street.csv", "'..'")]
    [InlineData("2023-07/../../evil-street.csv", "'..'")]
    [InlineData("/etc/evil-street.csv", "slash")]
    [InlineData("\\evil-street.csv", "slash")]
    [InlineData("C:/evil-street.csv", "drive")]
    [InlineData("c:evil-street.csv", "drive")]
    public async Task A_zip_entry_named_to_point_outside_the_zip_is_refused(string name, string said)
    {
        await using var db = await WithOneImportAsync();
        var zip = Zip(db, "download.zip", ("2023-07/2023-07-leicestershire-street.csv", Street("2023-07")), (name, Street("2023-08")));

        var report = await RefusedAsync(db, zip);

        var error = Assert.Single(report.Errors);
        Assert.Equal("download.zip", error.File);
        Assert.Contains($"'{name}'", error.Problem);
        Assert.Contains(said, error.Problem);
    }

    /// <summary>An importer over <paramref name="db"/> with small zip limits, so that a bomb need not be gigabytes to test them.</summary>
    private static Task<ImportReport> ImportWithLimitsAsync(TestDatabase db, ZipLimits limits, string path) =>
        new Importer(db.DbFactory, new SqliteImportWriter(db.ConnectionString), TimeProvider.System, zipLimits: limits)
            .ImportAsync(new ImportRequest([UploadedFile.FromPath(path)]));

    /// <summary>A zip of entries that each receive <paramref name="start"/> then <paramref name="megabytes"/> MB of one byte, streamed a chunk at a time.</summary>
    private static string Bomb(TestDatabase db, string zipName, int megabytes, byte filler, string start = "", int entries = 1)
    {
        var path = Path.Combine(db.Folder, zipName);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, filler);
        for (var e = 0; e < entries; e++)
        {
            using var entry = zip.CreateEntry($"2023-0{e % 9 + 1}/bomb-{e}-street.csv", CompressionLevel.Fastest).Open();
            entry.Write(Encoding.UTF8.GetBytes(start));
            for (var i = 0; i < megabytes; i++) entry.Write(chunk);
        }
        return path;
    }

    private static async Task<ImportReport> RefusedWithLimitsAsync(TestDatabase db, ZipLimits limits, string path)
    {
        var dumpBefore = await db.DumpAsync();
        var report = await ImportWithLimitsAsync(db, limits, path);
        Assert.Equal(ImportOutcome.Refused, report.Outcome);
        Assert.Contains("nothing was changed", report.Message);
        Assert.Equal(dumpBefore, await db.DumpAsync());
        AllShort(report);
        return report;
    }

    [Fact]
    public async Task A_zip_entry_that_declares_more_than_a_file_may_hold_is_refused_before_it_is_unpacked()
    {
        await using var db = await WithOneImportAsync();
        var bomb = Bomb(db, "bomb.zip", 64, (byte)',', StreetHeader + "\n");

        var report = await RefusedWithLimitsAsync(db, new ZipLimits(MaxEntryBytes: 16 << 20), bomb);

        var problem = Assert.Single(report.Errors).Problem;
        Assert.Contains("bomb-0-street.csv", problem);
        Assert.Contains("unpacks to 65 MB, more than the 16 MB", problem);
    }

    [Fact]
    public async Task A_zip_whose_files_together_unpack_to_more_than_the_limit_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var bomb = Bomb(db, "bombs.zip", 5, (byte)'0', entries: 3);

        var report = await RefusedWithLimitsAsync(db, new ZipLimits(MaxEntryBytes: 8 << 20, MaxTotalBytes: 12 << 20), bomb);

        Assert.Contains("15 MB in all, more than the 12 MB", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_zip_of_more_files_than_the_limit_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var zip = Zip(db, "many.zip", [.. Enumerable.Range(1, 6).Select(i => ($"2023-0{i}/2023-0{i}-leicestershire-street.csv", Street($"2023-0{i}")))]);

        var report = await RefusedWithLimitsAsync(db, new ZipLimits(MaxEntries: 5), zip);

        Assert.Contains("6 files, more than the 5", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_zip64_of_70_000_files_is_refused_by_the_count_it_declares()
    {
        await using var db = await WithOneImportAsync();
        var path = Path.Combine(db.Folder, "many.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            for (var i = 0; i < 70_000; i++) zip.CreateEntry($"{i}.txt", CompressionLevel.NoCompression);
        Assert.Equal(70_000, ZipContents.DeclaredEntryCount(path)); // more than 65,535: only the ZIP64 record holds the count

        var report = await RefusedWithLimitsAsync(db, ZipLimits.Default, path);

        Assert.Contains("70,000 files, more than the 10,000", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_zip_entry_that_unpacks_to_more_than_it_declares_is_refused()
    {
        await using var db = await WithOneImportAsync();
        var zip = Bomb(db, "liar.zip", 4, (byte)'0', StreetHeader + "\n");
        // Make the entry declare 1 KB, in its local header and in the central directory, with 4 MB inside.
        var bytes = await File.ReadAllBytesAsync(zip);
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes.AsSpan(i, 4).SequenceEqual<byte>([0x50, 0x4B, 0x03, 0x04])) BitConverter.TryWriteBytes(bytes.AsSpan(i + 22, 4), 1024u);
            if (bytes.AsSpan(i, 4).SequenceEqual<byte>([0x50, 0x4B, 0x01, 0x02])) BitConverter.TryWriteBytes(bytes.AsSpan(i + 24, 4), 1024u);
        }
        await File.WriteAllBytesAsync(zip, bytes);

        var report = await RefusedWithLimitsAsync(db, new ZipLimits(MaxEntryBytes: 1 << 20), zip);

        var error = Assert.Single(report.Errors);
        Assert.Equal("liar.zip/2023-01/bomb-0-street.csv", error.File);
    }

    [Fact]
    public async Task A_zip_bomb_of_2_5_GB_of_zeros_is_refused_at_the_default_limits_without_unpacking_it()
    {
        await using var db = await WithOneImportAsync();
        var bomb = Bomb(db, "zeros.zip", 2_560, 0, StreetHeader + "\n");
        Assert.InRange(new FileInfo(bomb).Length, 1, 50 << 20);

        var report = await RefusedWithLimitsAsync(db, ZipLimits.Default, bomb);

        Assert.Contains("unpacks to 2,561 MB, more than the 2,048 MB", Assert.Single(report.Errors).Problem);
    }

    [Fact]
    public async Task A_zip_of_one_row_of_300_MB_of_commas_stops_at_the_row_limit()
    {
        await using var db = await WithOneImportAsync();
        var bomb = Bomb(db, "commas.zip", 300, (byte)',', StreetHeader + "\n");

        var report = await RefusedWithLimitsAsync(db, ZipLimits.Default, bomb);

        var error = Assert.Single(report.Errors);
        Assert.Equal("commas.zip/2023-01/bomb-0-street.csv", error.File);
        Assert.Contains("line 2 is longer than 1 MB", error.Problem);
    }
}
