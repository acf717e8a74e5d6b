using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Delegations;
using Summit.Server.Guests.Invitations;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Guests;

/// <summary>REST endpoints of the Guests module under /api/v1.</summary>
public static class GuestsApi
{
    public static RouteGroupBuilder MapGuestsApi(this RouteGroupBuilder api)
    {
        var guests = api.MapGroup("/guests").WithTags("Guests");

        guests.MapGet("/", async ([AsParameters] GuestListQuery query, GuestQueries queries, IEventCalendar events, CancellationToken ct) =>
            TypedResults.Ok(await queries.ListAsync((await events.GetCurrentAsync(ct)).Id, query.ToFilter(), ct)))
            .RequireAuthorization(Policies.GuestsRead).WithSummary("Search, filter, sort and page the guest list");

        guests.MapGet("/{id:guid}", async (Guid id, GuestService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetDetailAsync(id, auditRead: true, ct)))
            .RequireAuthorization(Policies.GuestsRead).WithSummary("A guest's personal detail (the read is audited)");

        guests.MapGet("/{id:guid}/photo", async (Guid id, GuestDirectory directory, CancellationToken ct) =>
            await directory.GetPhotoJpegAsync(id, ct) is { } jpeg
                ? Results.File(jpeg, "image/jpeg")
                : Results.NotFound())
            .RequireAuthorization(Policies.PhotosView).WithSummary("The guest's photo as JPEG (the read is audited)");

        guests.MapPost("/", async (GuestInput input, GuestService service, CancellationToken ct) =>
            {
                var created = await service.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/guests/{created.Id}", created);
            })
            .RequireAuthorization(Policies.GuestsWrite).WithSummary("Create a guest in status Invited");

        guests.MapPut("/{id:guid}", async (Guid id, GuestInput input, [FromHeader(Name = "If-Match")] Guid? stamp, GuestService service, CancellationToken ct) =>
            TypedResults.Ok(await service.UpdateAsync(id, input, stamp, ct)))
            .RequireAuthorization(Policies.GuestsWrite).WithSummary("Edit a guest (If-Match: the concurrency stamp you read)");

        guests.MapPost("/{id:guid}/status", async (Guid id, StatusChangeRequest request, GuestService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ChangeStatusAsync(id, request.To, request.Reason, request.MessageToGuest, request.ConcurrencyStamp, ct)))
            .RequireAuthorization(Policies.GuestsApprove).WithSummary("Move a guest through the pipeline; illegal moves are refused with a reason");

        guests.MapPost("/{id:guid}/category", async (Guid id, CategoryChangeRequest request, GuestService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SetCategoryAsync(id, request.CategoryId, ct)))
            .RequireAuthorization(Policies.GuestsApprove).WithSummary("Change a guest's accreditation category");

        guests.MapPost("/approve", async (GuestIdsRequest request, GuestService service, CancellationToken ct) =>
            TypedResults.Ok(await service.ApproveManyAsync(request.GuestIds, ct)))
            .RequireAuthorization(Policies.GuestsApprove).WithSummary("Approve many registered guests at once");

        guests.MapPost("/invitations", async (GuestIdsRequest request, InvitationService service, CancellationToken ct) =>
            TypedResults.Ok(await service.InviteAsync(request.GuestIds, ct)))
            .RequireAuthorization(Policies.GuestsInvite).WithSummary("Send (or resend) invitation links; earlier links stop working");

        api.MapGet("/categories", async (SummitDbContext db, IEventCalendar events, CancellationToken ct) =>
            {
                var eventId = (await events.GetCurrentAsync(ct)).Id;
                return TypedResults.Ok(await db.Categories.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder)
                    .Select(c => new CategoryDto(c.Id, c.Code, c.NameEn, c.NameZh, c.Colour)).ToListAsync(ct));
            })
            .WithTags("Guests").RequireAuthorization(Policies.StaffSignedIn).WithSummary("Accreditation categories");

        api.MapGet("/delegations", async (SummitDbContext db, IEventCalendar events, CancellationToken ct) =>
            {
                var eventId = (await events.GetCurrentAsync(ct)).Id;
                return TypedResults.Ok(await db.Delegations.AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Name)
                    .Select(d => new DelegationDto(d.Id, d.Name, d.CountryCode, d.LiaisonGuestId)).ToListAsync(ct));
            })
            .WithTags("Guests").RequireAuthorization(Policies.GuestsRead).WithSummary("Delegations");

        api.MapGet("/countries", () => TypedResults.Ok(Countries.All.OrderBy(c => c.Code)))
            .WithTags("Guests").AllowAnonymous().WithSummary("ISO 3166-1 countries and regions in English and Chinese");

        return api;
    }
}
