namespace Summit.Access.Core;

/// <summary>
/// Why a gate admitted or refused a scan. The numbers are stable: they are stored with every scan and
/// shipped between server and gate agents, so never renumber; only add.
/// </summary>
public enum ReasonCode
{
    Admitted = 0,

    /// <summary>Admitted, but soft anti-passback saw a second entry without an exit: alert the operations team.</summary>
    AdmittedWithAlert = 1,

    BadFormat = 10,
    BadSignature = 11,
    UnknownKey = 12,
    RetiredKey = 13,
    Revoked = 14,
    NotYetValid = 15,
    Expired = 16,

    /// <summary>The credential does not open this gate's zone today (also: a credential of another event).</summary>
    ZoneNotGranted = 17,

    AlreadyInside = 18,
    ReentryTooSoon = 19,
    DailyLimitReached = 20,
    PersonBlocked = 21,
    GateClosed = 22,

    /// <summary>
    /// The lane is on screening hold: a body-temperature sensor at the gate read a fever, and a security officer has not yet
    /// cleared it (secondary screening). The server decides it for online scans; a gate agent learns of holds on its lane
    /// from the server within seconds while it is online, and keeps the last hold state it knew while it is not.
    /// </summary>
    ScreeningHold = 23,

    /// <summary>
    /// The gate has no lane in the scan's direction (an exit at an entry-only gate). Found by the server only, when it checks a scan
    /// a gate agent uploaded: an agent never admits through a lane its gate does not have, so an upload that says so is disputed.
    /// </summary>
    DirectionNotAllowed = 24,

    /// <summary>
    /// The zone's capacity is a hard limit and that many people are inside: nobody more enters until someone leaves. The server
    /// counts live; a gate agent counts what it knows (the server's count at its last sync plus its own scans), so its count is
    /// approximate.
    /// </summary>
    ZoneFull = 25,

    /// <summary>
    /// The zone is closed for a period (its room is blocked for a security sweep): nobody enters until the closure ends or is lifted.
    /// Leaving is never refused. The server and the gate agents both decide it from the closures in the policy, by the scan's time.
    /// </summary>
    ZoneClosed = 26,

    /// <summary>
    /// The lane's camera frame does not match the holder's enrolled face template (or shows no face to compare): an operator
    /// checks the person against the badge. Only for holders who consented and were enrolled (issue 14); the server decides it
    /// for online scans that came with a frame. The distance is recorded with the scan, never the frame.
    /// </summary>
    FaceMismatch = 27,

    /// <summary>
    /// At a face-only lane (the VIP fast lane, issue 14): the frame matched none of the lane's enrolled VIPs clearly enough (no face,
    /// nobody under the threshold, or two people nearly as close): the person shows their code. Nobody is identified, so nothing
    /// about a person is recorded. Decided by the server, and offline by a gate agent from the VIPs synced to its gate (ADR 0037).
    /// </summary>
    FaceLaneNoMatch = 28,

    /// <summary>
    /// At a gate that requires liveness (issue 14, ADR 0035): the holder's face matched, but the short burst of frames did not show
    /// a live head (one face, the same person throughout, turned a little between the frames): a still or held-up picture, or a
    /// person who did not turn their head. An operator checks the person, as for a face mismatch. Decided after the face match.
    /// </summary>
    FaceNotLive = 29,

    /// <summary>
    /// At a face-only lane that requires liveness (the VIP fast lane, issue 14, ADR 0035 amended): the burst of frames did not show one
    /// live head turning a little (a printed or on-screen photo held up, a single frame, a face swapped between frames, a person who stood
    /// still). Judged before anyone is searched for, so nobody is identified or recorded: the person turns their head or shows their code.
    /// </summary>
    FaceLaneNotLive = 30,
}
