using System.Text.Json.Serialization;

namespace Summit.Server.Demo;

/// <summary>
/// Who has a face from the sample photos, and for which scene of the live morning: the VIPs enrolled and marked for the face lane at
/// <see cref="LaneGate"/>, and the two people of the lent badge: the holder, enrolled, whose code is shown with the borrower's face (a face
/// the engine finds, not enrolled: the check needs only the holder's template). Each has their own face.
/// </summary>
public sealed record DemoFaceCast(string LaneGate, IReadOnlyList<DemoFace> LaneVips, DemoFace? LentBadgeHolder, DemoFace? LentBadgeBorrower)
{
    [JsonIgnore]
    public IEnumerable<DemoFace> Everyone => [.. LaneVips, .. new[] { LentBadgeHolder, LentBadgeBorrower }.OfType<DemoFace>()];
}
