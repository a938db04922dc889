using System.Security.Cryptography;
using System.Text;

namespace Training.Certification.Issuance;

/// <summary>Unguessable verification codes: 80 random bits as 16 Crockford base32 characters, shown in groups of four
/// (<c>7KQ4-M2XD-9TBF-H3WN</c>). Parsing forgives case, dashes, spaces and the look-alikes O/I/L.</summary>
public static class VerificationCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 16;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        return Encode(bytes);
    }

    /// <summary>Encodes exactly 10 bytes (80 bits) as 16 characters.</summary>
    public static string Encode(ReadOnlySpan<byte> tenBytes)
    {
        if (tenBytes.Length != 10) throw new ArgumentException("80 bits expected", nameof(tenBytes));
        var sb = new StringBuilder(Length);
        int buffer = 0, bits = 0;
        foreach (var b in tenBytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                sb.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }
        return sb.ToString();
    }

    /// <summary>The canonical 16-character form, or null when the text cannot be a code.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var sb = new StringBuilder(Length);
        foreach (var raw in input)
        {
            if (raw is '-' or ' ' or '\u2013') continue;
            var c = char.ToUpperInvariant(raw) switch { 'O' => '0', 'I' or 'L' => '1', var x => x };
            if (Alphabet.IndexOf(c) < 0) return null;
            sb.Append(c);
        }
        return sb.Length == Length ? sb.ToString() : null;
    }

    /// <summary>Grouped for reading and typing: XXXX-XXXX-XXXX-XXXX.</summary>
    public static string Format(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..12]}-{code[12..]}" : code;
}
