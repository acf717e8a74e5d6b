using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>What GET /status shows: whether the gate can admit, what it last synced, and what waits for upload.</summary>
/// <param name="CanAdmit">False while the agent itself keeps the gate closed (<see cref="Closure"/> says why).</param>
/// <param name="ServerReachable">Whether the last exchange with the server succeeded.</param>
/// <param name="PendingUploads">Journaled scans the server has not acknowledged yet.</param>
/// <param name="Screening">Whether the lane is on screening hold, as far as the agent knows, and whether it can know.</param>
/// <param name="Capacity">The zone's hard capacity and the agent's approximate count; null when the zone has none.</param>
/// <param name="Faces">The face check as the agent can make it: the synced set (how many, never whose), the camera and the engine.</param>
public sealed record AgentStatus(
    bool CanAdmit,
    ClosureCause? Closure,
    string? ClosureMessage,
    string? ClosureMessageZh,
    Guid? DeviceId,
    string? DeviceName,
    GateInfo? Gate,
    long? PolicyVersion,
    DateTimeOffset? PolicySyncedAt,
    DateTimeOffset? PresenceAsOf,
    int PresenceEntries,
    bool ServerReachable,
    DateTimeOffset? LastSyncAt,
    DateTimeOffset? LastUploadAt,
    string? LastServerError,
    long PendingUploads,
    long JournaledScans,
    ScreeningStatus Screening,
    CapacityStatus? Capacity,
    FaceStatus? Faces = null);
