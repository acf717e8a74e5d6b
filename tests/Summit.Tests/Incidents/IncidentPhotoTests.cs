using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Photos;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Security;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>Photos of incidents follow the guest photo rules: real images only, size-limited, re-encoded, encrypted, every view audited.</summary>
public class IncidentPhotoTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    [Fact]
    public async Task Only_a_real_image_within_the_limit_is_stored_encrypted_and_each_view_is_audited()
    {
        var raised = await app.RaiseAsync(Roles.Secretariat, Summit.Server.Infrastructure.Incidents.IncidentType.Equipment);
        var number = raised.Summary.Number;
        using var venue = await app.ClientForAsync(Roles.VenueManager);

        await (await venue.PostAsync($"/api/v1/incidents/{number}/photos", Form("notes.txt", "text/plain", "not an image at all"u8.ToArray())))
            .AssertProblemAsync(422, ErrorCodes.PhotoType);
        var oversized = new byte[PhotoProcessor.MaxBytes + 1];
        TestImages.Jpeg(300, 300).CopyTo(oversized, 0);
        await (await venue.PostAsync($"/api/v1/incidents/{number}/photos", Form("big.jpg", "image/jpeg", oversized)))
            .AssertProblemAsync(422, ErrorCodes.PhotoTooLarge);

        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await gate.PostAsync($"/api/v1/incidents/{number}/photos", Form("a.jpg", "image/jpeg", TestImages.Jpeg(400, 300)))).StatusCode);

        var stored = await (await venue.PostAsync($"/api/v1/incidents/{number}/photos", Form("broken-door.png", "image/png", TestImages.Png(400, 300))))
            .OkAsync<AttachmentView>();
        Assert.Equal((400, 300), (stored.Width, stored.Height));

        var row = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().IncidentAttachments.AsNoTracking().SingleAsync(a => a.Id == stored.Id));
        Assert.False(PhotoProcessor.IsJpeg(row.EncryptedJpeg) || PhotoProcessor.IsPng(row.EncryptedJpeg));
        Assert.True(PhotoProcessor.IsJpeg(app.Services.GetRequiredService<FieldProtector>().Unprotect(row.EncryptedJpeg)));

        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        for (var view = 0; view < 2; view++)
        {
            var photo = await centre.GetAsync($"/api/v1/incidents/{number}/photos/{stored.Id}");
            Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
            Assert.True(PhotoProcessor.IsJpeg(await photo.Content.ReadAsByteArrayAsync()));
        }

        await (await centre.GetAsync($"/api/v1/incidents/{number}/photos/{Guid.NewGuid()}")).AssertProblemAsync(404, IncidentErrors.AttachmentNotFound);
        var views = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == IncidentAuditActions.PhotoViewed && a.EntityId == raised.Summary.Id.ToString()));
        Assert.Equal(2, views);
        var detail = await app.GetIncidentAsync(number);
        Assert.Equal(stored.Id, Assert.Single(detail.Photos).Id);
        Assert.Contains(detail.Timeline, t => t.Kind == TimelineKind.PhotoAdded);
    }

    [Fact]
    public async Task A_staff_report_may_carry_a_photo_and_a_bad_photo_refuses_the_report()
    {
        var created = await app.InScopeAsync(sp => sp.GetRequiredService<StaffReportService>().CreateAsync(
            new IncidentInput(Summit.Server.Infrastructure.Incidents.IncidentType.Equipment, Summit.Server.Infrastructure.Incidents.IncidentSeverity.Low,
                null, "Turnstile arm bent", null, app.Venue.MainIn.Id, null), TestImages.Jpeg(640, 480)));
        Assert.Single(created.Photos);
        Assert.Equal(app.Venue.Main.Id, created.Summary.Place.ZoneId);

        var before = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Incidents.CountAsync());
        var refused = await Assert.ThrowsAsync<SummitException>(() => app.InScopeAsync(sp => sp.GetRequiredService<StaffReportService>().CreateAsync(
            new IncidentInput(Summit.Server.Infrastructure.Incidents.IncidentType.Equipment, Summit.Server.Infrastructure.Incidents.IncidentSeverity.Low,
                null, "Turnstile arm bent", null, app.Venue.MainIn.Id, null), "GIF89a"u8.ToArray())));
        Assert.Equal(ErrorCodes.PhotoType, refused.Error.Code);
        Assert.Equal(before, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_photo_of_forty_megapixels_is_refused_from_its_header_before_it_is_decoded()
    {
        // The probe: an 8000 x 5000 PNG of a few hundred kilobytes took 10-13 s of CPU and 450 MB to decode.
        var raised = await app.RaiseAsync(Roles.Secretariat, Summit.Server.Infrastructure.Incidents.IncidentType.Equipment);
        using var venue = await app.ClientForAsync(Roles.VenueManager);
        var huge = TestImages.LargePng(8000, 5000);
        Assert.True(huge.Length < PhotoProcessor.MaxBytes);
        await (await venue.PostAsync($"/api/v1/incidents/{raised.Summary.Number}/photos", Form("crowd.png", "image/png", huge)))
            .AssertProblemAsync(422, ErrorCodes.PhotoPixels);
        Assert.Empty((await app.GetIncidentAsync(raised.Summary.Number)).Photos);
    }

    [Fact]
    public async Task Photos_sent_at_once_to_one_incident_are_all_kept_up_to_the_limit()
    {
        // Adding a photo only appends: two at once are no conflict. The probe saw 409s for parallel uploads.
        var raised = await app.RaiseAsync(Roles.Secretariat, Summit.Server.Infrastructure.Incidents.IncidentType.Equipment);
        var number = raised.Summary.Number;
        var photo = TestImages.Jpeg(400, 300);
        var clients = await Task.WhenAll(Enumerable.Range(0, IncidentPhotoService.MaxPhotos + 2).Select(_ => app.ClientForAsync(Roles.VenueManager)));
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/incidents/{number}/photos", Form("door.jpg", "image/jpeg", photo))));

        Assert.Equal(IncidentPhotoService.MaxPhotos, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(422, IncidentErrors.AttachmentLimit);
        }

        var detail = await app.GetIncidentAsync(number);
        Assert.Equal(IncidentPhotoService.MaxPhotos, detail.Photos.Count);
        Assert.Equal(IncidentPhotoService.MaxPhotos, detail.Timeline.Count(t => t.Kind == TimelineKind.PhotoAdded));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Comments_written_at_once_are_all_kept()
    {
        var raised = await app.RaiseAsync(Roles.Secretariat, Summit.Server.Infrastructure.Incidents.IncidentType.Equipment);
        var number = raised.Summary.Number;
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.ClientForAsync(Roles.VenueManager)));
        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new CommentRequest($"Checked door {i}"), Intents.Json)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var comments = (await app.GetIncidentAsync(number)).Timeline.Where(t => t.Kind == TimelineKind.Commented).Select(t => t.Text ?? "").ToHashSet();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"Checked door {i}").ToHashSet(), comments);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static MultipartFormDataContent Form(string fileName, string contentType, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "photo", fileName } };
    }
}
