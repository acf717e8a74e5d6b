using System.Security.Claims;
using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// Who a gate can admit, for a module that sends a gate device data about people (Faces: the templates a gate agent checks offline,
/// ADR 0037). Access decides it from its credentials and policy; the caller never reads Access's tables.
/// </summary>
public interface IGateAdmissions
{
    /// <summary>The gate of an authenticated device (the caller of a device endpoint); refused as Access refuses a device whose gate is gone.</summary>
    Task<GateInfo> GateOfDeviceAsync(ClaimsPrincipal device, CancellationToken ct = default);

    /// <summary>
    /// Of <paramref name="holderIds"/>, those the gate can admit from now on: a credential in force (not revoked, not expired, of an unblocked
    /// person) whose zones include the gate's zone on a day of its validity still to come. An exit-only gate admits nobody in.
    /// </summary>
    /// <param name="withCodes">Holders whose code is wanted too (a face lane decides with the identified person's code).</param>
    Task<IReadOnlyList<GateAdmission>> AdmissibleAsync(Guid gateId, IReadOnlyCollection<Guid> holderIds, IReadOnlySet<Guid> withCodes,
        CancellationToken ct = default);
}
