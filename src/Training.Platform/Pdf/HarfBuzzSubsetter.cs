using System.Runtime.InteropServices;

namespace Training.Platform.Pdf;

/// <summary>HarfBuzz's own font subsetter (hb-subset), reached through the native library that HarfBuzzSharp ships.
/// Skia embeds whole fonts in PDFs; giving it a subset keeps a certificate well under 100 KB. One instance holds a
/// parsed font face and may subset from several threads (HarfBuzz faces are immutable and thread-safe). The subset keeps
/// GPOS and GDEF for the glyphs it retains: every line is shaped by HarfBuzz on the subset itself (<see cref="PdfFace"/>),
/// so kerning and mark positioning survive. GSUB is dropped: NFC Vietnamese maps to precomposed glyphs, and the
/// ligatures it would add (fi, fl) only make text extraction worse; without it a certificate is ~5 KB smaller and ~8 %
/// faster to write (Skia deflates the fonts into every document).</summary>
public sealed class HarfBuzzSubsetter : IDisposable
{
    private const string Lib = "libHarfBuzzSharp";
    // hb_subset_flags_t: HB_SUBSET_FLAGS_NO_HINTING (PDF viewers rasterise unhinted; positions come from HarfBuzz).
    private const uint Flags = 0x00000001u;
    private const int DropTableSet = 3; // HB_SUBSET_SETS_DROP_TABLE_TAG
    // Neither Skia nor HarfBuzz needs glyph names, signatures or hinting tables; GSUB: see above.
    private static readonly uint[] DroppedTables = new[] { "GSUB", "DSIG", "post", "gasp", "hdmx", "LTSH", "VDMX" }
        .Select(t => (uint)(t[0] << 24 | t[1] << 16 | t[2] << 8 | t[3])).ToArray();
    private readonly IntPtr _data;
    private readonly IntPtr _blob;
    private readonly IntPtr _face;

    public HarfBuzzSubsetter(byte[] font)
    {
        _data = Marshal.AllocHGlobal(font.Length);
        Marshal.Copy(font, 0, _data, font.Length);
        _blob = hb_blob_create(_data, (uint)font.Length, 1 /* readonly */, 0, 0);
        _face = hb_face_create(_blob, 0);
    }

    /// <summary>The font reduced to the glyphs of <paramref name="codepoints"/> (plus .notdef), without hinting.</summary>
    public byte[] Subset(IEnumerable<int> codepoints)
    {
        IntPtr input = 0, subset = 0, result = 0;
        try
        {
            input = hb_subset_input_create_or_fail();
            if (input == 0) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var cp in codepoints) hb_set_add(unicodes, (uint)cp);
            hb_subset_input_set_flags(input, Flags);
            var drop = hb_subset_input_set(input, DropTableSet);
            foreach (var tag in DroppedTables) hb_set_add(drop, tag);
            subset = hb_subset_or_fail(_face, input);
            if (subset == 0) throw new InvalidOperationException("hb_subset_or_fail failed");
            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        finally
        {
            if (result != 0) hb_blob_destroy(result);
            if (subset != 0) hb_face_destroy(subset);
            if (input != 0) hb_subset_input_destroy(input);
        }
    }

    /// <summary>One-off subset of a font file.</summary>
    public static byte[] Subset(byte[] font, IEnumerable<int> codepoints)
    {
        using var subsetter = new HarfBuzzSubsetter(font);
        return subsetter.Subset(codepoints);
    }

    public void Dispose()
    {
        hb_face_destroy(_face);
        hb_blob_destroy(_blob);
        Marshal.FreeHGlobal(_data);
    }

    [DllImport(Lib)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(Lib)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Lib)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Lib)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(Lib)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Lib)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_set(IntPtr input, int setType);
    [DllImport(Lib)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Lib)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Lib)] private static extern void hb_set_add(IntPtr set, uint codepoint);
}
