using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CommunitySafety.Data.Import;

/// <summary>A file's SHA-256, and whether its bytes are valid UTF-8 (if not, it is read as Windows-1252).</summary>
internal sealed record FileFingerprint(string Sha256, bool IsUtf8)
{
    /// <summary>Reads the stream to its end. A UTF-8 decoder keeps the state of a character split across two reads.</summary>
    public static FileFingerprint Of(Stream stream, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var isUtf8 = true;
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 17);
        try
        {
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
                if (isUtf8) isUtf8 = IsValid(utf8, buffer.AsSpan(0, read), flush: false);
            }
            if (isUtf8) isUtf8 = IsValid(utf8, [], flush: true);
            return new FileFingerprint(Convert.ToHexStringLower(hash.GetHashAndReset()), isUtf8);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsValid(Decoder utf8, ReadOnlySpan<byte> bytes, bool flush)
    {
        try
        {
            utf8.GetCharCount(bytes, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
