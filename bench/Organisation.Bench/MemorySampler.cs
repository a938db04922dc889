using System.Runtime;
using System.Diagnostics;

namespace Training.Organisation.Bench;

/// <summary>Samples the process every 20 ms during one phase: the highest working set (what the OS gives the process:
/// GC heap, native memory, SQLite's page cache; the GC rarely gives memory back, so it keeps what the setup grew) and
/// the highest managed heap after a collection (<see cref="GCMemoryInfo.HeapSizeBytes"/> of the last GC: what survived,
/// i.e. what the phase really holds, not the garbage a larger gen0 budget lets pile up). The process-wide peak working
/// set cannot be reset, so it would include the setup (the first import); sampling measures the phase alone.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public long PeakWorkingSet { get; private set; }
    public long PeakManagedHeap { get; private set; }

    /// <summary>With <c>collect</c>: the highest live heap seen right after a forced full collection.</summary>
    public long PeakLiveHeap { get; private set; }
    public long StartWorkingSet { get; }
    public long StartManagedHeap { get; }

    private readonly bool _collect;

    /// <param name="collect">Collect the whole heap every 200 ms before reading it, so the figure is the live heap (what
    /// the phase really holds), not survivors of the last collection that have died since. It slows the phase, so
    /// it is used only on an untimed repeat.</param>
    public MemorySampler(bool collect = false)
    {
        _collect = collect;
        // Start from a collected heap so the phase does not inherit the setup's garbage. The large object heap is
        // compacted too: otherwise the free space the setup left there (its 100,000-row files and lists) counts in
        // HeapSizeBytes for the whole phase, and the start heap grows with the setup's size, not the phase's.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        StartWorkingSet = PeakWorkingSet = self.WorkingSet64;
        StartManagedHeap = PeakManagedHeap = GC.GetGCMemoryInfo().HeapSizeBytes;
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        using var self = Process.GetCurrentProcess();
        var tick = 0;
        while (!_stop.IsCancellationRequested)
        {
            if (_collect && ++tick % 10 == 0)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
                PeakLiveHeap = Math.Max(PeakLiveHeap, GC.GetTotalMemory(false));
            }
            self.Refresh();
            PeakWorkingSet = Math.Max(PeakWorkingSet, self.WorkingSet64);
            PeakManagedHeap = Math.Max(PeakManagedHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
            try { await Task.Delay(20, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
