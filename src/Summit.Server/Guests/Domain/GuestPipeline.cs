using Summit.Server.Guests.Contracts;
namespace Summit.Server.Guests.Domain;

/// <summary>The accreditation pipeline: which status may follow which, and why a move is refused.</summary>
public static class GuestPipeline
{
    private static readonly Dictionary<GuestStatus, GuestStatus[]> Allowed = new()
    {
        [GuestStatus.Invited] = [GuestStatus.Registered, GuestStatus.Withdrawn],
        [GuestStatus.Registered] = [GuestStatus.Approved, GuestStatus.Rejected, GuestStatus.Withdrawn],
        [GuestStatus.Approved] = [GuestStatus.Accredited, GuestStatus.Rejected, GuestStatus.Withdrawn],
        // A rejected guest may be reconsidered after a correction.
        [GuestStatus.Rejected] = [GuestStatus.Registered, GuestStatus.Approved],
        [GuestStatus.Accredited] = [GuestStatus.Arrived, GuestStatus.Withdrawn],
        [GuestStatus.Arrived] = [],
        // A withdrawn guest can be invited again.
        [GuestStatus.Withdrawn] = [GuestStatus.Invited],
    };

    public static IReadOnlyList<GuestStatus> NextFrom(GuestStatus from) => Allowed[from];

    public static bool CanMove(GuestStatus from, GuestStatus to) => Allowed[from].Contains(to);

    /// <summary>Returns null when the move is legal, otherwise the reason code for the refusal.</summary>
    public static SummitError? Check(GuestStatus from, GuestStatus to, string? reason)
    {
        if (from == to)
        {
            return SummitError.Of(GuestErrors.StatusUnchanged, from);
        }

        if (!CanMove(from, to))
        {
            return SummitError.Of(GuestErrors.StatusTransitionIllegal, from, to);
        }

        if (to == GuestStatus.Rejected && string.IsNullOrWhiteSpace(reason))
        {
            return SummitError.Of(GuestErrors.RejectionReasonRequired);
        }

        return null;
    }
}
