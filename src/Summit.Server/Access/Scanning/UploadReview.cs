using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Policy;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// The server's own check of a scan a gate agent decided offline and uploaded. An agent's admission is what happened at the
/// turnstile, but the server trusts it only as far as it can check it: a genuine signature of a key in force, a lane in that
/// direction at the agent's gate, and the checks of the gate decision that do not depend on when the upload arrives or on other
/// gates: the code is of this event, not revoked, its holder not blocked, valid at the time the agent gives, and the zone
/// granted on that day. The policy is the one in force when the upload is checked, so a code revoked after the scan and before
/// the upload is disputed too: the operations team wants to know of it either way.
/// </summary>
/// <remarks>
/// Not checked again: anti-passback and the daily limit (an offline agent cannot see other gates' movements; the double-entry
/// check judges those from the day's scans), whether the gate was open and screening holds (not known for a past moment).
/// </remarks>
internal static class UploadReview
{
    private static readonly GatePipeline Checks = new(
        [GateChecks.SameEvent, GateChecks.NotRevoked, GateChecks.NotBlocked, GateChecks.ValidNow, GateChecks.ZoneGranted]);

    /// <summary>What the server finds for an admission the agent uploaded: <see cref="ReasonCode.Admitted"/> when it confirms it.</summary>
    /// <param name="credential">The decoded code, or null when it does not decode.</param>
    /// <param name="signature">The signature as checked against this snapshot's keys.</param>
    public static ReasonCode Check(CredentialPayload? credential, SignatureCheck signature, GateInfo gate, GateDirection direction,
        DateTimeOffset scannedAt, AccessSnapshot snapshot)
    {
        if (credential is not { } payload)
        {
            return ReasonCode.BadFormat;
        }

        if (signature != SignatureCheck.Valid)
        {
            return GatePipeline.ReasonOf(signature);
        }

        return gate.Resolve(direction) != direction
            ? ReasonCode.DirectionNotAllowed
            : Checks.Check(payload, scannedAt, gate.ToGate(direction), snapshot.Policy, new PresenceBook()).Reason;
    }
}
