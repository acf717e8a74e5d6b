namespace Summit.Server.Screening.Contracts;

/// <summary>The records behind one screening figure: only the list of the trace's kind is filled.</summary>
public sealed record ScreeningRecords(ScreeningTrace Trace, IReadOnlyList<ReadingRecord> Readings, IReadOnlyList<RefusalCountRecord> Refusals,
    IReadOnlyList<HoldRecord> Holds, IReadOnlyList<SilenceRecord> Silences);
