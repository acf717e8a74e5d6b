using Microsoft.AspNetCore.Mvc;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Calendar;
using Summit.Server.Venues.Equipment;
using Summit.Server.Venues.Photos;
using Summit.Server.Venues.Rooms;
using Summit.Server.Venues.Series;

namespace Summit.Server.Venues;

/// <summary>REST endpoints of the venues module under /api/v1/venues.</summary>
public static class VenuesApi
{
    public static RouteGroupBuilder MapVenuesApi(this RouteGroupBuilder api)
    {
        var venues = api.MapGroup("/venues").WithTags("Venues");
        venues.MapGet("/", (RoomService rooms, CancellationToken ct) => rooms.ListVenuesAsync(ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("The venues of the current event");
        venues.MapPost("/", async (VenueInput input, RoomService rooms, CancellationToken ct) =>
            {
                var venue = await rooms.CreateVenueAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/{venue.Id}", venue);
            })
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Add a venue (names in English and Chinese)");
        venues.MapPut("/{id:guid}", (Guid id, VenueInput input, RoomService rooms, CancellationToken ct) => rooms.UpdateVenueAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Rename or reorder a venue");

        venues.MapGet("/rooms", (Guid? venueId, RoomService rooms, CancellationToken ct) => rooms.ListRoomsAsync(venueId, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("Rooms with their capacities per layout, hours, buffers and access zone");
        venues.MapGet("/rooms/{id:guid}", (Guid id, RoomService rooms, CancellationToken ct) => rooms.GetRoomAsync(id, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("One room");
        venues.MapPost("/rooms", async (RoomInput input, RoomService rooms, CancellationToken ct) =>
            {
                var room = await rooms.CreateRoomAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/rooms/{room.Id}", room);
            })
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Add a room to a venue; its access zone, if any, is a zone of the access module");
        venues.MapPut("/rooms/{id:guid}", (Guid id, RoomInput input, RoomService rooms, CancellationToken ct) => rooms.UpdateRoomAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Change a room (audited field by field)");

        venues.MapGet("/rooms/{id:guid}/photos", (Guid id, RoomPhotoService photos, CancellationToken ct) => photos.ListAsync(id, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("The room's photos, oldest first (their ids, sizes and uploaders; each JPEG by its own address)");
        venues.MapPost("/rooms/{id:guid}/photos", async (Guid id, IFormFile photo, RoomPhotoService photos, CancellationToken ct) =>
            {
                // Refused before reading: a huge upload never reaches memory.
                if (photo.Length > PhotoProcessor.MaxBytes)
                {
                    throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooLarge, PhotoProcessor.MaxBytes / (1024 * 1024)));
                }

                using var buffer = new MemoryStream((int)photo.Length);
                await photo.CopyToAsync(buffer, ct);
                var stored = await photos.AddAsync(id, buffer.ToArray(), ct);
                return TypedResults.Created($"/api/v1/venues/rooms/{id}/photos/{stored.Id}", stored);
            })
            .DisableAntiforgery()
            .WithUploadLimit(PhotoProcessor.MaxBytes, ErrorCodes.PhotoTooLarge)
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Add a photo of the room (form field photo: a JPEG or PNG up to 5 MB and 24 megapixels, at least 200 pixels a side)")
            .WithDescription("The image is decoded and stored as a fresh JPEG of at most 1200 pixels on its long side, without its metadata. " +
                "Refusals: 422 photo.too_large, photo.type (not a JPEG or PNG by its content), photo.pixels, photo.too_small, photo.corrupt; " +
                "409 venues.room_photo_limit (at most 10 photos a room).");
        venues.MapGet("/rooms/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, RoomPhotoService photos, HttpContext context,
                CancellationToken ct) =>
            {
                var jpeg = await photos.GetJpegAsync(id, photoId, ct);
                context.Response.Headers.CacheControl = "private, max-age=3600";
                return TypedResults.File(jpeg, "image/jpeg");
            })
            .RequireAuthorization(Policies.VenuesView).WithSummary("One photo of the room, as JPEG");
        venues.MapDelete("/rooms/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, RoomPhotoService photos, CancellationToken ct) =>
            {
                await photos.RemoveAsync(id, photoId, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Remove a photo of the room");

        venues.MapGet("/equipment", (EquipmentService equipment, CancellationToken ct) => equipment.ListAsync(ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("The mobile equipment stock");
        venues.MapPost("/equipment", async (EquipmentInput input, EquipmentService equipment, CancellationToken ct) =>
            {
                var item = await equipment.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/equipment/{item.Id}", item);
            })
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Add an equipment item with its stock");
        venues.MapPut("/equipment/{id:guid}", (Guid id, EquipmentInput input, EquipmentService equipment, CancellationToken ct) =>
                equipment.UpdateAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Rename an equipment item or change its stock");
        venues.MapGet("/equipment/use", (DateTimeOffset from, DateTimeOffset until, EquipmentUseService use, CancellationToken ct) =>
                use.UseAsync(from, until, ct))
            .RequireAuthorization(Policies.VenuesView)
            .WithSummary("Each item's stock, the most confirmed bookings hold at once during [from, until), and the bookings taking it");

        venues.MapGet("/blockings", (DateTimeOffset from, DateTimeOffset until, Guid? roomId, BlockingService blockings, CancellationToken ct) =>
                blockings.ListAsync(from, until, roomId, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("Room blockings during [from, until) (at most 62 days)");
        venues.MapPost("/blockings", async (BlockingInput input, BlockingService blockings, CancellationToken ct) =>
            {
                var blocking = await blockings.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/blockings/{blocking.Id}", blocking);
            })
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Block a room for a period; refused while confirmed bookings hold it then");
        venues.MapDelete("/blockings/{id:guid}", async (Guid id, BlockingService blockings, CancellationToken ct) =>
            {
                await blockings.RemoveAsync(id, ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Lift a blocking");

        venues.MapGet("/bookings", (DateTimeOffset from, DateTimeOffset until, Guid? roomId, BookingService bookings, CancellationToken ct) =>
                bookings.ListAsync(from, until, roomId, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("Bookings occupying rooms during [from, until), every state (at most 62 days)");
        venues.MapGet("/bookings/{id:guid}", (Guid id, BookingService bookings, CancellationToken ct) => bookings.GetAsync(id, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("One booking");
        venues.MapPost("/bookings", async (BookingInput input, BookingService bookings, CancellationToken ct) =>
            {
                var booking = await bookings.RequestAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/bookings/{booking.Id}", booking);
            })
            .RequireAuthorization(Policies.VenueBookingsRequest)
            .WithSummary("Request a room (pending until a venue manager confirms it); refused with every conflict and the free rooms instead");
        venues.MapPost("/bookings/confirmed", async (BookingInput input, BookingService bookings, CancellationToken ct) =>
            {
                var booking = await bookings.BookAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/bookings/{booking.Id}", booking);
            })
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Book a room confirmed at once; refused with every conflict and the free rooms instead; a Protocol booking with displace: true displaces the Normal bookings in its way");
        venues.MapPost("/bookings/alternatives", (BookingInput input, BookingService bookings, CancellationToken ct) => bookings.AlternativesAsync(input, ct))
            .RequireAuthorization(Policies.VenueBookingsRequest).WithSummary("Other rooms free for a booking, ranked: same venue, building and floor first");
        venues.MapPost("/bookings/check", (BookingInput input, BookingService bookings, CancellationToken ct) => bookings.CheckAsync(input, ct))
            .RequireAuthorization(Policies.VenueBookingsRequest).WithSummary("Every conflict a booking would meet now (empty: it may be booked); nothing is written");
        venues.MapPost("/bookings/{id:guid}/confirm", (Guid id, bool? displace, [FromQuery] Guid[]? displacing, BookingService bookings, CancellationToken ct) =>
                bookings.ConfirmAsync(id, displace ?? false, displacing is { Length: > 0 } ? displacing : null, ct))
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Confirm a pending booking; refused (naming the conflicts) if its slot is no longer free; rejects the requests it displaces; a Protocol one with ?displace=true displaces the Normal bookings in its way (with &displacing=id for each one agreed to: only if those are all)");
        venues.MapGet("/bookings/{id:guid}/confirmation-preview", (Guid id, BookingService bookings, CancellationToken ct) =>
                bookings.PreviewConfirmationAsync(id, ct))
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("What confirming a pending booking would do: its own conflicts, and the pending requests it would reject and why");
        venues.MapPost("/bookings/{id:guid}/move", (Guid id, BookingMoveInput input, BookingService bookings, CancellationToken ct) =>
                bookings.MoveAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Move a pending or confirmed booking to another time or room; refused with every conflict and the free rooms then (not a session's booking: it moves with its session)");
        venues.MapPost("/bookings/{id:guid}/cancel", (Guid id, BookingDecisionInput input, BookingService bookings, CancellationToken ct) =>
                bookings.CancelAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Cancel a pending or confirmed booking");
        venues.MapPost("/bookings/{id:guid}/reject", (Guid id, BookingDecisionInput input, BookingService bookings, CancellationToken ct) =>
                bookings.RejectAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Reject a pending booking");

        venues.MapPost("/series", async (SeriesInput input, SeriesService series, CancellationToken ct) =>
            {
                var created = await series.CreateAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/series/{created.Id}", created);
            })
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Book a room repeatedly (daily, weekly or on chosen days, until a date or for a number of dates, at most 366), confirmed")
            .WithDescription("Every date is checked as a single booking. A conflict refuses the whole series (409 venues.series_conflict, each " +
                "conflicting date with its conflicts in details), unless skipConflicts is true: those dates are then left out and listed as skipped.");
        venues.MapPost("/series/requests", async (SeriesInput input, SeriesService series, CancellationToken ct) =>
            {
                var requested = await series.RequestAsync(input, ct);
                return TypedResults.Created($"/api/v1/venues/series/{requested.Id}", requested);
            })
            .RequireAuthorization(Policies.VenueBookingsRequest)
            .WithSummary("Request a room repeatedly: every date a pending request that a venue manager confirms or rejects date by date")
            .WithDescription("The same fields and checks as booking a series. A conflict refuses the whole series (409 venues.series_conflict), " +
                "unless skipConflicts is true. The requests hold nothing until confirmed (POST /bookings/{id}/confirm).");
        venues.MapGet("/series/{id:guid}", (Guid id, SeriesService series, CancellationToken ct) => series.GetAsync(id, ct))
            .RequireAuthorization(Policies.VenuesView).WithSummary("One booking series: its recurrence, its booked dates (bookings) and its skipped dates");
        venues.MapPost("/series/{id:guid}/add-back", (Guid id, SeriesDateInput input, SeriesService series, CancellationToken ct) =>
                series.AddBackAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Book a skipped date of a series after all; checked again, refused with its conflicts and free rooms if still taken");
        venues.MapPost("/series/{id:guid}/cancel", (Guid id, SeriesCancelInput input, SeriesService series, CancellationToken ct) =>
                series.CancelAsync(id, input, ct))
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Cancel the rest of a series: its dates from a day on (or those not started yet); one date is cancelled as its booking");

        venues.MapGet("/rooms/{id:guid}/calendar.ics", async (Guid id, DateTimeOffset? from, DateTimeOffset? until, RoomCalendarService calendars,
                CancellationToken ct) => TypedResults.Text(await calendars.FeedAsync(id, from, until, ct), "text/calendar; charset=utf-8"))
            .RequireAuthorization(Policies.VenuesView)
            .WithSummary("The room's iCalendar feed: confirmed bookings and blockings (busy), times in UTC, over [from, until) (at most 366 days; " +
                "by default a month back to six months ahead)");
        venues.MapGet("/rooms/{id:guid}/calendar-link", (Guid id, CalendarLinkService links, CancellationToken ct) => links.GetAsync(id, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Whether the room has a secret calendar link, and since when (never the link itself)");
        venues.MapPost("/rooms/{id:guid}/calendar-link", (Guid id, CalendarLinkService links, CancellationToken ct) => links.IssueAsync(id, ct))
            .RequireAuthorization(Policies.VenuesManage)
            .WithSummary("Make the room's secret calendar link, or rotate it (the old one is refused from now on); the answer's path is shown only once");
        venues.MapDelete("/rooms/{id:guid}/calendar-link", (Guid id, CalendarLinkService links, CancellationToken ct) => links.RevokeAsync(id, ct))
            .RequireAuthorization(Policies.VenuesManage).WithSummary("Revoke the room's secret calendar link");
        venues.MapGet("/feeds/{roomId:guid}/{token}/calendar.ics", async (Guid roomId, string token, DateTimeOffset? from, DateTimeOffset? until,
                CalendarLinkService links, HttpContext context, CancellationToken ct) =>
            {
                var feed = await links.FeedAsync(roomId, token, from, until, ct);
                context.Response.Headers.CacheControl = "private, no-store";
                return TypedResults.Text(feed, "text/calendar; charset=utf-8");
            })
            .AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.Public)
            .WithSummary("A room's iCalendar feed through its secret link, for calendar programs that cannot sign in: confirmed bookings " +
                "(without their holders) and blockings; any link but the room's current one is refused alike (404 venues.calendar_link_invalid)");
        return api;
    }
}
