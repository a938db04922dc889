using System.Runtime.InteropServices;

namespace Training.Platform.Pdf;

/// <summary>HarfBuzz's own font subsetter (hb-subset), reached through the native library that HarfBuzzSharp ships.
/// Skia embeds whole fonts in PDFs; giving it a subset keeps a certificate well under 100 KB.</summary>
public static class HarfBuzzSubsetter
{
    private const string Lib = "libHarfBuzzSharp";
    private const uint NoHinting = 0x00000001u;

    /// <summary>A font file reduced to the glyphs of <paramref name="codepoints"/> (plus .notdef), without hinting.</summary>
    public static byte[] Subset(byte[] font, IEnumerable<int> codepoints)
    {
        var pinned = GCHandle.Alloc(font, GCHandleType.Pinned);
        IntPtr blob = 0, face = 0, input = 0, subset = 0, result = 0;
        try
        {
            blob = hb_blob_create(pinned.AddrOfPinnedObject(), (uint)font.Length, 1 /* readonly */, 0, 0);
            face = hb_face_create(blob, 0);
            input = hb_subset_input_create_or_fail();
            if (input == 0) throw new InvalidOperationException("hb_subset_input_create_or_fail failed");
            var unicodes = hb_subset_input_unicode_set(input);
            foreach (var cp in codepoints) hb_set_add(unicodes, (uint)cp);
            hb_subset_input_set_flags(input, NoHinting);
            subset = hb_subset_or_fail(face, input);
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
            if (face != 0) hb_face_destroy(face);
            if (blob != 0) hb_blob_destroy(blob);
            pinned.Free();
        }
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
    [DllImport(Lib)] private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);
    [DllImport(Lib)] private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [DllImport(Lib)] private static extern void hb_set_add(IntPtr set, uint codepoint);
}
