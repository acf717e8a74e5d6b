using Summit.Access.Core;

namespace Summit.Server.Access.Contracts;

/// <param name="DeviceReason">What a gate agent said it decided, when it differs from <paramref name="Reason"/>: an admission the server disputes.</param>
public sealed record ScanListItem(Guid Id, DateTimeOffset ScannedAt, DateTimeOffset ReceivedAt, Guid GateId, string GateCode, int Zone,
    GateDirection Direction, ScanSource Source, ReasonCode Reason, bool Admitted, bool Late, bool Conflict, Guid? GuestId, string? HolderName,
    string? CategoryCode, ReasonCode? DeviceReason = null);
