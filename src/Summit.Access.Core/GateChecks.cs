namespace Summit.Access.Core;

/// <summary>The standard checks. Exits are refused only when the code is not a genuine, current code of an
/// unblocked person for this event; validity, grants and passback never trap anyone inside.</summary>
public static class GateChecks
{
    public static IGateCheck GateOpen { get; } = new GateOpenCheck();

    public static IGateCheck SameEvent { get; } = new SameEventCheck();

    public static IGateCheck NotRevoked { get; } = new NotRevokedCheck();

    public static IGateCheck NotBlocked { get; } = new NotBlockedCheck();

    public static IGateCheck ValidNow { get; } = new ValidNowCheck();

    public static IGateCheck ZoneGranted { get; } = new ZoneGrantedCheck();

    public static IGateCheck AntiPassback { get; } = new AntiPassbackCheck();

    public static IGateCheck DailyLimit { get; } = new DailyLimitCheck();

    public static IGateCheck ZoneCapacity { get; } = new ZoneCapacityCheck();

    public static IGateCheck NotHeld { get; } = new NotHeldCheck();

    public static IGateCheck ZoneNotClosed { get; } = new ZoneNotClosedCheck();

    /// <summary>
    /// Not one of the standard checks: the face check (issue 14), which the server's Faces module and the gate agent add after them.
    /// An entry whose frame did not match the holder's template is refused with <see cref="ReasonCode.FaceMismatch"/> (an operator
    /// checks the person); a scan without a comparison (no frame, no template, faces off) passes. At a gate that requires liveness, a
    /// matching face whose burst did not show a live head is refused with <see cref="ReasonCode.FaceNotLive"/> (ADR 0035).
    /// </summary>
    public static IGateCheck FaceMatches { get; } = new FaceMatchesCheck();

    private sealed class GateOpenCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) => scan.Gate.IsOpen ? ReasonCode.Admitted : ReasonCode.GateClosed;
    }

    private sealed class SameEventCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) =>
            scan.Credential.EventId == scan.Policy.EventId ? ReasonCode.Admitted : ReasonCode.ZoneNotGranted;
    }

    private sealed class NotRevokedCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) =>
            scan.Policy.Revocations.IsRevoked(scan.Credential.CredentialId) ? ReasonCode.Revoked : ReasonCode.Admitted;
    }

    private sealed class NotBlockedCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) =>
            scan.Policy.Revocations.IsBlocked(scan.Credential.HolderId) ? ReasonCode.PersonBlocked : ReasonCode.Admitted;
    }

    private sealed class ValidNowCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan)
        {
            if (!scan.IsEntry)
            {
                return ReasonCode.Admitted;
            }
            if (scan.Now < scan.Credential.ValidFrom)
            {
                return ReasonCode.NotYetValid;
            }
            return scan.Now >= scan.Credential.ValidUntil ? ReasonCode.Expired : ReasonCode.Admitted;
        }
    }

    private sealed class ZoneGrantedCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) =>
            !scan.IsEntry || scan.Policy.Grants.IsGranted(scan.Credential, scan.Gate.Zone, scan.LocalDay)
                ? ReasonCode.Admitted
                : ReasonCode.ZoneNotGranted;
    }

    private sealed class AntiPassbackCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan)
        {
            var mode = scan.Rule.AntiPassback;
            if (!scan.IsEntry || mode == AntiPassbackMode.Off)
            {
                return ReasonCode.Admitted;
            }
            var id = scan.Credential.CredentialId;
            var zone = scan.Gate.Zone;
            // An entry from before the daily reset no longer counts: a forgotten exit yesterday blocks nobody today.
            if (scan.Presence.LastEntry(id, zone) is not { } last || last < scan.AccessDayStart)
            {
                return ReasonCode.Admitted;
            }
            return mode switch
            {
                AntiPassbackMode.Hard => scan.Presence.IsInside(id, zone) ? ReasonCode.AlreadyInside : ReasonCode.Admitted,
                AntiPassbackMode.Soft => scan.Presence.IsInside(id, zone) ? ReasonCode.AdmittedWithAlert : ReasonCode.Admitted,
                AntiPassbackMode.Timed => scan.Now < last.AddMinutes(scan.Rule.ReentryMinutes) ? ReasonCode.ReentryTooSoon : ReasonCode.Admitted,
                _ => ReasonCode.Admitted,
            };
        }
    }

    private sealed class DailyLimitCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan)
        {
            var max = scan.Rule.MaxEntriesPerDay;
            if (!scan.IsEntry || max <= 0)
            {
                return ReasonCode.Admitted;
            }
            return scan.Presence.EntriesSince(scan.Credential.CredentialId, scan.Gate.Zone, scan.AccessDayStart) >= max
                ? ReasonCode.DailyLimitReached
                : ReasonCode.Admitted;
        }
    }

    /// <summary>
    /// A hard capacity: an entry is refused once the zone holds that many people. Someone the count already has inside (a second
    /// entry that anti-passback lets through) takes no new place.
    /// </summary>
    private sealed class ZoneCapacityCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan)
        {
            var max = scan.Rule.MaxInside;
            if (!scan.IsEntry || max <= 0)
            {
                return ReasonCode.Admitted;
            }
            var id = scan.Credential.CredentialId;
            var zone = scan.Gate.Zone;
            if (scan.Presence.IsInside(id, zone) && scan.Presence.LastEntry(id, zone) >= scan.AccessDayStart)
            {
                return ReasonCode.Admitted;
            }
            return scan.Presence.PeopleInside(zone, scan.AccessDayStart) >= max ? ReasonCode.ZoneFull : ReasonCode.Admitted;
        }
    }

    /// <summary>
    /// A lane on screening hold stops whoever it would have let in. It is the last check, so a refusal for another reason keeps
    /// that reason; leaving is never held.
    /// </summary>
    private sealed class FaceMatchesCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) => !scan.IsEntry ? ReasonCode.Admitted : scan.Face switch
        {
            { Matches: false } => ReasonCode.FaceMismatch,
            { Live: false } => ReasonCode.FaceNotLive,
            _ => ReasonCode.Admitted,
        };
    }

    private sealed class NotHeldCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) => scan.IsEntry && scan.Gate.Held ? ReasonCode.ScreeningHold : ReasonCode.Admitted;
    }

    /// <summary>
    /// A zone closed for a period (its room is blocked) refuses every entry while the closure lasts, by the scan's own time; leaving is
    /// never refused. It runs after the credential's own checks, so a revoked code or a blocked person keeps that reason.
    /// </summary>
    private sealed class ZoneNotClosedCheck : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) =>
            scan.IsEntry && scan.Policy.Closures.IsClosed(scan.Gate.Zone, scan.Now) ? ReasonCode.ZoneClosed : ReasonCode.Admitted;
    }
}
