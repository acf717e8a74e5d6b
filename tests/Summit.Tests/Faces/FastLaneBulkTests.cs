using System.Net;
using System.Net.Http.Json;
using Summit.Server.Faces;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// The face lane for a selection of guests at once (the guest list's buttons): the enrolled, consenting VIP is marked and passes by face;
/// a guest without consent, one without a template and an unknown id are listed with their reasons; taking it away works the same way;
/// the selection is bounded and needs the enrolment permission.
/// </summary>
public sealed class FastLaneBulkTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Fact]
    public async Task A_selection_marks_the_enrolled_vip_lists_the_others_with_their_reasons_and_takes_the_lane_away_again()
    {
        await app.MarkFaceLaneAsync(app.Venue.MainIn.Id);
        var (vip, _, _) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        var (refusing, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: false);
        // Consented, but the enrolment is still queued (the worker has not run since): no template yet.
        var (unenrolled, _) = await app.RegisteredAsync(FaceSamples.Portrait(), faceConsent: true);
        var unknown = Guid.NewGuid();

        var marked = await (await PutAsync(Roles.AccreditationOfficer, new FastLaneSelection([vip, refusing, unenrolled, unknown, vip], true)))
            .OkAsync<BulkResult>();
        Assert.Equal(1, marked.Succeeded);
        Assert.Equal(
            new[] { (refusing, FacesErrors.ConsentMissing), (unenrolled, FacesErrors.NotEnrolled), (unknown, FacesErrors.GuestNotFound) }.Order(),
            marked.Refused.Select(r => (r.GuestId, r.Code)).Order());
        Assert.True((await app.StoredEnrolmentAsync(vip))!.FastLane);
        Assert.Contains(FacesAudit.FastLaneChanged, await app.AuditActionsOfAsync(FacesAudit.TemplateEntity, vip));
        Assert.True((await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame())).Admitted);

        var taken = await (await PutAsync(Roles.AccreditationOfficer, new FastLaneSelection([vip, refusing], false))).OkAsync<BulkResult>();
        Assert.Equal((2, 0), (taken.Succeeded, taken.Refused.Count));
        Assert.False((await app.StoredEnrolmentAsync(vip))!.FastLane);
        Assert.False((await app.PassByFaceAsync(app.Venue.MainInToken, FaceLaneIntents.PortraitFrame())).Admitted);
    }

    [Fact]
    public async Task A_selection_is_bounded_not_empty_and_only_for_those_who_enrol_faces()
    {
        using var empty = await PutAsync(Roles.AccreditationOfficer, new FastLaneSelection([], true));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains(FacesErrors.SelectionEmpty, await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var tooMany = await PutAsync(Roles.AccreditationOfficer,
            new FastLaneSelection([.. Enumerable.Range(0, FastLaneSelection.MaxGuests + 1).Select(_ => Guid.NewGuid())], true));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains(FacesErrors.SelectionTooLarge, await tooMany.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var gate = await PutAsync(Roles.GateOperator, new FastLaneSelection([Guid.NewGuid()], true));
        Assert.Equal(HttpStatusCode.Forbidden, gate.StatusCode);
    }

    private async Task<HttpResponseMessage> PutAsync(string role, FastLaneSelection selection)
    {
        using var client = await app.ClientForAsync(role);
        return await client.PutAsJsonAsync("/api/v1/faces/fast-lane", selection, Intents.Json);
    }
}
