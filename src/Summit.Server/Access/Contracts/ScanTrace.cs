using Summit.Access.Core;
using Summit.Server.Infrastructure;

namespace Summit.Server.Access.Contracts;

/// <summary>Which scans stand behind one figure, as of a moment: everything left null is not filtered on.</summary>
/// <param name="AsOf">Only scans received before this moment (the report's stamp).</param>
/// <param name="Admitted">True: the entries attendance counts (admitted, inward, of a genuine code); false: refusals; null: every scan.</param>
/// <param name="CategoryCode">The category held when entering (the one signed into the code that was scanned).</param>
/// <param name="Span">The event's dates or the days outside them, when no <paramref name="Day"/> is given.</param>
/// <param name="Late">True: only scans an offline gate uploaded late.</param>
/// <param name="From">Only scans made at or after this moment (a session's doors opening).</param>
/// <param name="Until">Only scans made before this moment (a session's end).</param>
public sealed record ScanTrace(DateTimeOffset AsOf, DateOnly? Day = null, string? ZoneCode = null, string? CategoryCode = null, ReasonCode? Reason = null,
    bool? Admitted = null, ReportSpan? Span = null, bool? Late = null, DateTimeOffset? From = null, DateTimeOffset? Until = null);
