using Summit.Server.Infrastructure;

namespace Summit.Server.Screening.Contracts;

/// <summary>Which screening records stand behind one figure, as of a moment: everything left null is not filtered on.</summary>
/// <param name="AsOf">Only records received (readings, refusals), placed (holds) or reported (silences) before this moment.</param>
/// <param name="Day">A day in event time (readings and fevers: by arrival; holds: by when they were placed).</param>
/// <param name="Reason">A refusal reason (<see cref="RefusalReasons"/>), for refusal counters.</param>
/// <param name="Status">A hold status as it stood at the moment, for holds.</param>
/// <param name="Decided">True: only holds an officer had decided by the moment (the median time to decision counts those).</param>
/// <param name="Span">The event's dates or the days outside them, when no <paramref name="Day"/> is given (readings, fevers, holds).</param>
public sealed record ScreeningTrace(ScreeningRecordKind Records, DateTimeOffset AsOf, DateOnly? Day = null, string? Reason = null, HoldStatus? Status = null,
    bool? Decided = null, ReportSpan? Span = null);
