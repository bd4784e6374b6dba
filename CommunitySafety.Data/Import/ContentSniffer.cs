using System.Text;

namespace CommunitySafety.Data.Import;

/// <summary>Looks at the first bytes of a file to refuse, in plain words, what is clearly not CSV.</summary>
internal static class ContentSniffer
{
    private const int SampleSize = 8192;

    /// <summary>Null when the file may be CSV; otherwise the sentence that says why it is not.</summary>
    public static string? WhyNotCsv(Stream stream) => WhyNotCsv(stream, out _);

    /// <summary>
    /// As <see cref="WhyNotCsv(Stream)"/>, and <paramref name="utf16"/> is the encoding of a UTF-16 text file (as Excel's
    /// "Unicode text" writes it: with a byte-order mark, or without one, where every other byte of plain text is 0).
    /// </summary>
    public static string? WhyNotCsv(Stream stream, out Encoding? utf16)
    {
        utf16 = null;
        var buffer = new byte[SampleSize];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0) length += read;
        var sample = buffer.AsSpan(0, length);

        if (length == 0) return "The file is empty.";
        if (sample.StartsWith("PK\u0003\u0004"u8))
            return "This is an Excel workbook or a zip file, not CSV. In Excel use File > Save As > 'CSV UTF-8 (comma delimited)'; a police.uk zip must keep its .zip name.";
        if (sample.StartsWith("%PDF"u8)) return "This is a PDF document, not CSV data.";
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) return "This is an old Excel (.xls) workbook, not CSV. Save it from Excel as 'CSV UTF-8 (comma delimited)'.";
        utf16 = Utf16Of(sample);
        if (utf16 is not null)
        {
            var start = utf16.Preamble.Length > 0 && sample.StartsWith(utf16.Preamble) ? utf16.Preamble.Length : 0;
            var usable = (length - start) & ~1;
            return utf16.GetString(sample.Slice(start, usable)).Trim().Length == 0 ? "The file is empty." : null;
        }
        if (sample.IndexOf((byte)0) >= 0) return "This is not a text file (it holds binary data), so it cannot be CSV.";

        var text = Encoding.Latin1.GetString(sample).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\r', '\n', '\t');
        if (text.StartsWith('<'))
            return "This is a web page (HTML) saved with a .csv name, not CSV data. Download the data file itself rather than saving the page.";
        if (text.Trim().Length == 0) return "The file is empty.";
        return null;
    }

    private static Encoding? Utf16Of(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode;
        // Without a byte-order mark: text in Latin letters has a 0 in every other byte, always on the same side.
        if (sample.Length < 8) return null;
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        var pairs = sample.Length / 2;
        if (oddZeros >= pairs * 9 / 10 && evenZeros == 0) return Encoding.Unicode;
        if (evenZeros >= pairs * 9 / 10 && oddZeros == 0) return Encoding.BigEndianUnicode;
        return null;
    }
}
