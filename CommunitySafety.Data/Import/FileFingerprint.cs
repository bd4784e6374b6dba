using System.Buffers;
using System.Security.Cryptography;
using System.Text.Unicode;

namespace CommunitySafety.Data.Import;

/// <summary>
/// One fast pass over a file's bytes before it is parsed: its SHA-256 (so an identical file is recognised before any
/// work), and whether it is valid UTF-8 (if not, it is read as Windows-1252, the encoding of Excel's plain "CSV").
/// </summary>
internal sealed record FileFingerprint(string Sha256, bool IsUtf8)
{
    public static FileFingerprint Of(Stream stream, Action<long>? onBytesRead = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 17);
        try
        {
            var isUtf8 = true;
            var carried = 0; // bytes of a character split across two reads
            long total = 0;
            int read;
            while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0)
            {
                hash.AppendData(buffer, carried, read);
                total += read;
                onBytesRead?.Invoke(total);
                var length = carried + read;
                if (isUtf8)
                {
                    var complete = CompleteLength(buffer.AsSpan(0, length));
                    isUtf8 = Utf8.IsValid(buffer.AsSpan(0, complete));
                    carried = length - complete;
                    buffer.AsSpan(complete, carried).CopyTo(buffer);
                }
            }
            if (carried > 0) isUtf8 = false; // the file ends inside a character
            return new FileFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), isUtf8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The length of <paramref name="bytes"/> less a UTF-8 sequence cut off at its end (at most 3 bytes).</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // a continuation byte: look further back
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }
}
