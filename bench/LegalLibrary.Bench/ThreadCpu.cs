using System.Runtime.InteropServices;

namespace Training.LegalLibrary.Bench;

/// <summary>CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): on a shared, loaded
/// machine it measures the work a query does, which wall-clock time mixes with waiting for a core.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Milliseconds of CPU used by this thread so far.</summary>
    public static double NowMs()
    {
        ClockGetTime(ClockThreadCpuTimeId, out var t);
        return t.Seconds * 1000.0 + t.Nanoseconds / 1_000_000.0;
    }
}
