namespace Summit.Access.Core.Sync;

/// <summary>
/// The face templates a gate device may use offline (issue 14, ADR 0037): those of exactly the people its gate can admit who consented
/// and are enrolled, sealed (AES-256-GCM) with a key derived from the device's own token and <see cref="Salt"/>, never in clear. The
/// whole set is sent every time it changed (<see cref="Tag"/> is its ETag): a person missing from it is deleted from the device.
/// </summary>
/// <param name="Tag">What the ETag carries: the same tag, the same set and settings.</param>
/// <param name="GateId">The gate the set is for: a device moved to another gate drops it.</param>
/// <param name="FacesOn">Whether the gate checks faces (false: switched off by security, or the event has no face check here).</param>
/// <param name="FaceLane">Whether the gate is a face lane (the VIP fast lane, 1:N).</param>
/// <param name="Threshold">The event's threshold: the largest distance that still counts as the same person.</param>
/// <param name="Margin">At a face lane, how far the best match must lie ahead of the second best.</param>
/// <param name="Salt">The key derivation's salt (base64, 16 bytes), new with every set the server seals.</param>
/// <param name="AsOf">The server's time of this answer.</param>
/// <param name="Liveness">
/// Whether the gate's entries require a live face (ADR 0035): the agent then takes a burst of frames and judges a head turn, for an entry
/// with a code and, at a face lane, before it searches the lane's VIPs; false in a set stored before the switch existed.
/// </param>
public sealed record GateFacesDocument(
    string Tag, Guid GateId, bool FacesOn, bool FaceLane, double Threshold, double Margin, string Salt, DateTimeOffset AsOf,
    IReadOnlyList<SealedFace> People, bool Liveness = false);
