using Summit.Server.Access.Blocks;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Gates;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Keys;
using Summit.Server.Access.Monitoring;
using Summit.Server.Access.Scanning;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Access;

/// <summary>REST endpoints of the Access module under /api/v1 for staff (devices have their own, see <see cref="DeviceApi"/>).</summary>
public static class AccessApi
{
    public static RouteGroupBuilder MapAccessApi(this RouteGroupBuilder api)
    {
        var access = api.MapGroup("/access").WithTags("Access");
        MapZonesAndGates(access);
        MapCredentials(access);
        MapKeysAndDevices(access);
        MapScanning(access);
        return api;
    }

    private static void MapZonesAndGates(RouteGroupBuilder access)
    {
        access.MapGet("/zones", (ZoneService zones, CancellationToken ct) => zones.ListZonesAsync(ct))
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("Zones with their rules");
        access.MapPost("/zones", async (ZoneInput input, ZoneService zones, CancellationToken ct) =>
            {
                var zone = await zones.CreateZoneAsync(input, ct);
                return TypedResults.Created($"/api/v1/access/zones/{zone.Id}", zone);
            })
            .RequireAuthorization(Policies.AccessManage).WithSummary("Create a zone (its number 0..63 is assigned when not given)");
        access.MapPut("/zones/{id:guid}", (Guid id, ZoneInput input, ZoneService zones, CancellationToken ct) => zones.UpdateZoneAsync(id, input, ct))
            .RequireAuthorization(Policies.AccessManage).WithSummary("Edit a zone and its anti-passback, daily reset and entry limit");
        access.MapDelete("/zones/{id:guid}", async (Guid id, ZoneService zones, CancellationToken ct) =>
            {
                await zones.DeleteZoneAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.AccessManage).WithSummary("Delete a zone that no gate uses");

        access.MapGet("/gates", (GateService gates, CancellationToken ct) => gates.ListGatesAsync(ct))
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("Gates, their zone, directions and whether they are open");
        access.MapPost("/gates", async (GateInput input, GateService gates, CancellationToken ct) =>
            {
                var gate = await gates.CreateGateAsync(input, ct);
                return TypedResults.Created($"/api/v1/access/gates/{gate.Id}", gate);
            })
            .RequireAuthorization(Policies.AccessManage).WithSummary("Create a gate on a zone boundary");
        access.MapPut("/gates/{id:guid}", (Guid id, GateInput input, GateService gates, CancellationToken ct) => gates.UpdateGateAsync(id, input, ct))
            .RequireAuthorization(Policies.AccessManage).WithSummary("Edit a gate");
        access.MapPost("/gates/{id:guid}/open", (Guid id, GateOpenRequest request, GateService gates, CancellationToken ct) =>
                gates.SetGateOpenAsync(id, request.Open, ct))
            .RequireAuthorization(Policies.AccessMonitor).WithSummary("Open or close a gate (a closed gate refuses every scan)");

        access.MapGet("/category-zones", (CategoryZoneService categories, CancellationToken ct) => categories.ListCategoryZonesAsync(ct))
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("Which zones each accreditation category opens, by day");
        access.MapPut("/category-zones/{categoryId:guid}", (Guid categoryId, List<ZoneDays> zones, CategoryZoneService service, CancellationToken ct) =>
                service.SetCategoryZonesAsync(categoryId, zones, ct))
            .RequireAuthorization(Policies.AccessManage).WithSummary("Replace the zones a category opens");

        var person = access.MapGroup("/guests/{guestId:guid}");
        person.MapGet("/zones", (Guid guestId, PersonalGrantService grants, CancellationToken ct) => grants.ListPersonalGrantsAsync(guestId, ct))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("A person's own zone additions and removals");
        person.MapPost("/zones", (Guid guestId, PersonalGrantInput input, PersonalGrantService grants, CancellationToken ct) =>
                grants.AddPersonalGrantAsync(guestId, input, ct))
            .RequireAuthorization(Policies.AccessManage).WithSummary("Add or remove a zone for one person, on some days or always");
        person.MapDelete("/zones/{grantId:guid}", async (Guid guestId, Guid grantId, PersonalGrantService grants, CancellationToken ct) =>
            {
                await grants.RemovePersonalGrantAsync(guestId, grantId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.AccessManage).WithSummary("Undo a personal zone addition or removal");
        person.MapGet("/block", async (Guid guestId, PersonBlockService blocks, CancellationToken ct) =>
                await blocks.GetBlockAsync(guestId, ct) is { } block ? Results.Ok(block) : Results.NoContent())
            .RequireAuthorization(Policies.PersonsBlock).WithSummary("Whether a person is blocked at every gate, and why");
        person.MapPut("/block", (Guid guestId, BlockInput input, PersonBlockService blocks, CancellationToken ct) => blocks.BlockAsync(guestId, input, ct))
            .RequireAuthorization(Policies.PersonsBlock).WithSummary("Block a person at every gate, whatever their credential");
        person.MapDelete("/block", async (Guid guestId, PersonBlockService blocks, CancellationToken ct) =>
            {
                await blocks.UnblockAsync(guestId, ct: ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.PersonsBlock).WithSummary("Lift a block");
    }

    private static void MapCredentials(RouteGroupBuilder access)
    {
        var person = access.MapGroup("/guests/{guestId:guid}/credential");
        person.MapGet("/", (Guid guestId, CredentialService credentials, CancellationToken ct) => credentials.GetAsync(guestId, ct))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("The guest's credential in force and the earlier ones");
        person.MapPost("/", (Guid guestId, CredentialService credentials, CancellationToken ct) => credentials.IssueAsync(guestId, ct))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("Issue a credential to an approved guest (the guest becomes Accredited)");
        person.MapPost("/reissue", (Guid guestId, ReissueRequest request, CredentialService credentials, CancellationToken ct) =>
                credentials.ReissueAsync(guestId, request.Reason, ct))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("Replace the credential in force (lost badge...): the old code is revoked");
        person.MapPost("/revoke", (Guid guestId, RevokeRequest request, CredentialService credentials, CancellationToken ct) =>
                credentials.RevokeAsync(guestId, request.Reason, ct))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("Revoke the credential in force, with a reason");
        person.MapGet("/code", async (Guid guestId, CredentialService credentials, CancellationToken ct) =>
                await credentials.GetCodeAsync(guestId, ct) is { } code ? Results.Ok(new { code }) : throw new SummitException(SummitError.NotFound(ErrorCodes.CredentialNone)))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("The text of the code in force (what the QR holds)");

        access.MapPost("/credentials/issue", (GuestSelection selection, CredentialService credentials, CancellationToken ct) =>
                credentials.IssueManyAsync(selection, ct))
            .RequireAuthorization(Policies.CredentialsManage).WithSummary("Issue credentials to many approved guests (ids, or a category and/or delegation)");
    }

    private static void MapKeysAndDevices(RouteGroupBuilder access)
    {
        access.MapGet("/keys", (SigningKeyService keys, CancellationToken ct) => keys.ListAsync(ct))
            .RequireAuthorization(Policies.KeysManage).WithSummary("Signing keys (public parts) and how many credentials in force each signed");
        access.MapPost("/keys/rotate", (SigningKeyService keys, CancellationToken ct) => keys.RotateAsync(ct))
            .RequireAuthorization(Policies.KeysManage).WithSummary("Sign new credentials with a new key; earlier codes stay valid");
        access.MapPost("/keys/{keyId:long}/retire", (long keyId, SigningKeyService keys, CancellationToken ct) =>
                keyId is < 1 or > uint.MaxValue ? throw new SummitException(SummitError.NotFound(AccessErrors.SigningKeyNotFound, keyId)) : keys.RetireAsync((uint)keyId, ct))
            .RequireAuthorization(Policies.KeysManage).WithSummary("Retire a key: every credential it signed is refused from the gates' next sync");

        access.MapGet("/devices", (DeviceService devices, CancellationToken ct) => devices.ListAsync(ct))
            .RequireAuthorization(Policies.DevicesManage).WithSummary("Enrolled gate devices and when they were last heard from");
        access.MapPost("/devices", (DeviceInput input, DeviceService devices, CancellationToken ct) => devices.EnrolAsync(input, ct))
            .RequireAuthorization(Policies.DevicesManage).WithSummary("Enrol a device on a gate; its token is in this answer only");
        access.MapPost("/devices/{id:guid}/revoke", (Guid id, DeviceService devices, CancellationToken ct) => devices.RevokeAsync(id, ct))
            .RequireAuthorization(Policies.DevicesManage).WithSummary("Revoke a device: its token stops working at once");
    }

    private static void MapScanning(RouteGroupBuilder access)
    {
        access.MapPost("/gates/{gateId:guid}/scans", (Guid gateId, ConsoleScanRequest request, ConsoleScans scans, CancellationToken ct) =>
                scans.ScanAsync(gateId, request, ct))
            .RequireAuthorization(Policies.GateScan).WithSummary("Scan at a staffed console: decided and recorded like a device scan");

        access.MapGet("/occupancy", (AccessQueries queries, int? minutes, CancellationToken ct) => queries.OccupancyAsync(minutes ?? 30, ct))
            .RequireAuthorization(Policies.AccessMonitor).WithSummary("Who is inside each zone now, and entries per gate per minute");
        access.MapGet("/scans", (AccessQueries queries, Guid? gate, int? count, CancellationToken ct) => queries.RecentScansAsync(gate, count ?? 50, ct))
            .RequireAuthorization(Policies.AccessMonitor).WithSummary("The latest scans, newest first");
        access.MapGet("/conflicts", (AccessQueries queries, bool? all, CancellationToken ct) => queries.ConflictsAsync(all ?? false, ct))
            .RequireAuthorization(Policies.AccessMonitor).WithSummary("Double entries found when offline gates synced");
        access.MapPost("/conflicts/{id:guid}/resolve", async (Guid id, ResolveConflictRequest request, AccessQueries queries, CancellationToken ct) =>
            {
                await queries.ResolveConflictAsync(id, request.Resolution, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.AccessMonitor).WithSummary("Close an entry conflict with what was found");
    }
}
