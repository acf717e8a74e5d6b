namespace Summit.Server.Access.Contracts;

/// <summary>
/// The face distances recorded with an event's scans, for the face thresholds page (issue 14): numbers only, never who, where or a
/// face. Implemented by Access, which keeps the scans; read by Faces.
/// </summary>
public interface IFaceDistances
{
    /// <summary>At most <see cref="FaceDistanceSample.MaxPerKind"/> of each kind, the latest first.</summary>
    Task<FaceDistanceSample> ForEventAsync(Guid eventId, CancellationToken ct);
}
