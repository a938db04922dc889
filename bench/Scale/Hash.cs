namespace Training.Scale.Bench;

/// <summary>Pure functions of (row number, salt): the generator draws every value from them instead of a shared
/// random sequence, so any table can be regenerated alone, in any order, with the same values (resumable per table).</summary>
internal static class Hash
{
    public static ulong Mix(long i, int salt)
    {
        // SplitMix64 finaliser.
        var z = (ulong)i * 0x9E3779B97F4A7C15UL + (ulong)salt * 0xD1B54A32D192ED03UL + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static int Below(long i, int salt, int n) => (int)(Mix(i, salt) % (ulong)n);

    /// <summary>A uniform number in [0, 1).</summary>
    public static double Unit(long i, int salt) => (Mix(i, salt) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A stable id for row <paramref name="i"/> of a table (<paramref name="table"/> tells tables apart).
    /// Ids rise with the row number, as time-ordered ids would, so primary keys are appended to, not split at random.</summary>
    public static Guid Id(int table, long i)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[..8], i << 16);
        bytes[6] = (byte)(0x40 | (table & 0x0F));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], Mix(i, table));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
