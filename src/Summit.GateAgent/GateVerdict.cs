using System.Globalization;
using Summit.Access.Core;

namespace Summit.GateAgent;

/// <summary>The agent's answer to one scan, as journaled.</summary>
/// <param name="Closure">Set when the agent closed the gate itself (revoked device, no policy...), before any decision.</param>
/// <param name="Zone">The zone the gate leads into or out of; null when there was no policy to tell.</param>
/// <param name="Notice">What the staff should know about how the agent decided (holds it cannot know, an approximate count).</param>
/// <param name="FaceDistance">The distance between the lane's frame and the holder's template when they were compared (at a face lane, the
/// identified person's); journaled and uploaded, never the frame.</param>
/// <param name="FaceLane">The scan came by face at a face lane, without a code.</param>
/// <param name="FaceLead">At a face lane, how far the best match lay ahead of the second best.</param>
public sealed record GateVerdict(
    Guid Nonce, ReasonCode Reason, GateDirection Direction, DateTimeOffset ScannedAt, Guid? CredentialId, Guid? HolderId, int? Zone,
    ClosureCause? Closure, BilingualText? Notice = null, double? FaceDistance = null, bool FaceLane = false, double? FaceLead = null)
{
    public bool Admitted => Reason.Admits();

    public BilingualText Message
    {
        get
        {
            var text = GateVerdictTexts.For(Reason);
            return new(text.En, text.Zh);
        }
    }

    public BilingualText? Detail => Closure is { } cause ? AgentTexts.For(cause) : null;

    /// <summary>The line printed on standard output for a scan from the keyboard-wedge scanner.</summary>
    public string ToLine()
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{(Admitted ? "ADMITTED" : "REFUSED ")} {Reason} ({(int)Reason}) {Direction} credential={Id(CredentialId)} holder={Id(HolderId)} | {Message}");
        line = Detail is { } detail ? $"{line} | {detail}" : line;
        line = FaceDistance is { } distance ? string.Create(CultureInfo.InvariantCulture, $"{line} | face distance {distance:0.0000}") : line;
        return Notice is { } notice ? $"{line} | {notice}" : line;
    }

    private static string Id(Guid? id) => id?.ToString() ?? "-";
}
