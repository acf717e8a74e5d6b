using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Venues;
using Summit.Server.Venues.Photos;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Rooms;

/// <summary>
/// A room's photos: a venue manager adds real JPEG and PNG images (re-encoded as JPEG, metadata and trailing bytes gone) and removes them,
/// staff see them; oversized files, non-images, images claiming too many pixels and photos past the room's limit are refused with their
/// codes; other staff may not add or remove; every change is audited.
/// </summary>
public sealed class RoomPhotoTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_manager_adds_a_jpeg_and_a_png_staff_see_them_and_the_manager_removes_one()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PH-1"));
        var photos = $"/api/v1/venues/rooms/{room.Id}/photos";
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        // A JPEG with a comment (as a camera's metadata would be) and bytes hidden after its end: neither survives the re-encoding.
        var jpeg = await (await manager.PostAsync(photos, Form("hall.jpg", "image/jpeg", WithMetadataAndTrailer(TestImages.Jpeg(1600, 1200)))))
            .OkAsync<RoomPhotoView>();
        Assert.Equal((1200, 900), (jpeg.Width, jpeg.Height));
        var png = await (await manager.PostAsync(photos, Form("stage.png", "image/png", TestImages.Png(400, 300)))).OkAsync<RoomPhotoView>();
        Assert.Equal((400, 300), (png.Width, png.Height));

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var listed = await (await secretariat.GetAsync(photos)).OkAsync<List<RoomPhotoView>>();
        Assert.Equal([jpeg.Id, png.Id], listed.Select(p => p.Id));
        foreach (var photo in listed)
        {
            var response = await secretariat.GetAsync($"{photos}/{photo.Id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(PhotoProcessor.IsJpeg(bytes));
            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain("GPS 30.7469N", text, StringComparison.Ordinal);
            Assert.DoesNotContain("HIDDEN PAYLOAD", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"{photos}/{png.Id}")).StatusCode);
        Assert.Equal([jpeg.Id], (await (await secretariat.GetAsync(photos)).OkAsync<List<RoomPhotoView>>()).Select(p => p.Id));
        await (await secretariat.GetAsync($"{photos}/{png.Id}")).AssertProblemAsync(404, VenuesErrors.RoomPhotoNotFound);
        await (await manager.DeleteAsync($"{photos}/{png.Id}")).AssertProblemAsync(404, VenuesErrors.RoomPhotoNotFound);

        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "room" && a.EntityId == room.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(2, audited.Count(a => a == VenuesAudit.RoomPhotoAdded));
        Assert.Single(audited, a => a == VenuesAudit.RoomPhotoRemoved);
    }

    [Fact]
    public async Task Oversized_files_non_images_and_too_many_pixels_are_refused_and_nothing_is_stored()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PH-2"));
        var photos = $"/api/v1/venues/rooms/{room.Id}/photos";
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        var oversized = new byte[PhotoProcessor.MaxBytes + 1];
        TestImages.Jpeg(300, 300).CopyTo(oversized, 0);
        await (await manager.PostAsync(photos, Form("big.jpg", "image/jpeg", oversized))).AssertProblemAsync(422, ErrorCodes.PhotoTooLarge);
        // Named and typed as a JPEG, but it is not one.
        await (await manager.PostAsync(photos, Form("plan.jpg", "image/jpeg", "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray())))
            .AssertProblemAsync(422, ErrorCodes.PhotoType);
        await (await manager.PostAsync(photos, Form("cut.jpg", "image/jpeg", TestImages.Jpeg(800, 600)[..600]))).AssertProblemAsync(422, ErrorCodes.PhotoCorrupt);
        // 40 megapixels in a few hundred kilobytes: refused from its header, before it is decoded.
        var huge = TestImages.LargePng(8000, 5000);
        Assert.True(huge.Length < PhotoProcessor.MaxBytes);
        await (await manager.PostAsync(photos, Form("crowd.png", "image/png", huge))).AssertProblemAsync(422, ErrorCodes.PhotoPixels);
        await (await manager.PostAsync(photos, Form("claims.png", "image/png", TestImages.PngClaiming(30_000, 30_000)))).AssertProblemAsync(422, ErrorCodes.PhotoPixels);

        Assert.Empty(await (await manager.GetAsync(photos)).OkAsync<List<RoomPhotoView>>());
        await (await manager.PostAsync($"/api/v1/venues/rooms/{Guid.NewGuid()}/photos", Form("a.jpg", "image/jpeg", TestImages.Jpeg(400, 300))))
            .AssertProblemAsync(404, VenuesErrors.RoomNotFound);
    }

    [Fact]
    public async Task A_room_takes_at_most_its_limit_of_photos_even_sent_at_once()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PH-3"));
        var photos = $"/api/v1/venues/rooms/{room.Id}/photos";
        var photo = TestImages.Jpeg(400, 300);
        var clients = await Task.WhenAll(Enumerable.Range(0, VenueLimits.MaxRoomPhotos + 2).Select(_ => app.ClientForAsync(Roles.VenueManager)));
        try
        {
            var responses = await Task.WhenAll(clients.Select(c => c.PostAsync(photos, Form("room.jpg", "image/jpeg", photo))));
            Assert.Equal(VenueLimits.MaxRoomPhotos, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                await refused.AssertProblemAsync(409, VenuesErrors.RoomPhotoLimit);
            }

            Assert.Equal(VenueLimits.MaxRoomPhotos, (await (await clients[0].GetAsync(photos)).OkAsync<List<RoomPhotoView>>()).Count);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task Staff_who_do_not_manage_venues_may_see_but_not_add_or_remove_photos()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PH-4"));
        var photos = $"/api/v1/venues/rooms/{room.Id}/photos";
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var stored = await (await manager.PostAsync(photos, Form("hall.jpg", "image/jpeg", TestImages.Jpeg(400, 300)))).OkAsync<RoomPhotoView>();

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsync(photos, Form("a.jpg", "image/jpeg", TestImages.Jpeg(400, 300)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.DeleteAsync($"{photos}/{stored.Id}")).StatusCode);
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await gate.GetAsync($"{photos}/{stored.Id}")).StatusCode);
        Assert.Single(await (await secretariat.GetAsync(photos)).OkAsync<List<RoomPhotoView>>());
    }

    [Fact]
    public async Task The_rooms_page_shows_its_photos_to_staff_and_offers_adding_and_removing_to_venue_managers_only()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "PH-5"));
        var empty = await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{room.Id}");
        Assert.Contains("data-testid=\"room-photos-none\"", empty, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-photo-input\"", empty, StringComparison.Ordinal);

        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var stored = await (await manager.PostAsync($"/api/v1/venues/rooms/{room.Id}/photos", Form("hall.jpg", "image/jpeg", TestImages.Jpeg(400, 300))))
            .OkAsync<RoomPhotoView>();
        var page = await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{room.Id}");
        Assert.Contains($"src=\"/api/v1/venues/rooms/{room.Id}/photos/{stored.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-photo-remove\"", page, StringComparison.Ordinal);

        var staff = await app.PageAsync(Roles.Secretariat, $"/venues/rooms/{room.Id}");
        Assert.Contains($"src=\"/api/v1/venues/rooms/{room.Id}/photos/{stored.Id}\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"room-photo-input\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"room-photo-remove\"", staff, StringComparison.Ordinal);
        Assert.Contains("会议室 PH-5 的照片", await app.PageAsync(Roles.Secretariat, $"/venues/rooms/{room.Id}", "zh-Hans"), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Form(string fileName, string contentType, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "photo", fileName } };
    }

    /// <summary>The JPEG with a comment segment after its start (where cameras put their metadata) and bytes after its end.</summary>
    private static byte[] WithMetadataAndTrailer(byte[] jpeg)
    {
        var comment = Encoding.ASCII.GetBytes("GPS 30.7469N 120.4870E camera serial 0042");
        var length = comment.Length + 2;
        byte[] segment = [0xFF, 0xFE, (byte)(length >> 8), (byte)(length & 0xFF), .. comment];
        return [.. jpeg[..2], .. segment, .. jpeg[2..], .. Encoding.ASCII.GetBytes("HIDDEN PAYLOAD")];
    }
}
