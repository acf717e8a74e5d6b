using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Faces.Core.Tests;
using Summit.Server.Access;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Policy;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Faces;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Programme;
using Summit.Server.Programme.Forums;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;
using Summit.Server.Venues;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Demo;

public partial class DemoSeederTests(DemoFactory app) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_demo_has_zones_gates_category_grants_and_a_credential_for_every_accredited_or_arrived_guest()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal(10, await db.Zones.CountAsync());
            Assert.Equal(18, await db.Gates.CountAsync());
            Assert.Equal(await db.Categories.CountAsync(), await db.CategoryZoneGrants.Select(g => g.CategoryId).Distinct().CountAsync());
            Assert.Equal(3, await db.PersonalZoneGrants.CountAsync());
            Assert.Equal(1, await db.PersonBlocks.CountAsync());

            var holders = await db.Guests.Where(g => g.Status == GuestStatus.Accredited || g.Status == GuestStatus.Arrived).Select(g => g.Id).ToListAsync();
            var withCode = await db.Credentials.Where(c => c.RevokedAt == null).Select(c => c.GuestId).ToListAsync();
            Assert.NotEmpty(holders);
            Assert.Equal(holders.Order(), withCode.Order());
            Assert.Equal(2, await db.Credentials.CountAsync(c => c.RevokedAt != null));
        });
    }

    [Fact]
    public async Task The_demo_has_the_wuzhen_rooms_their_stock_and_three_days_of_bookings_some_pending_and_a_sweep_of_the_main_hall()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal([DemoVenue.ConferenceCenter, DemoVenue.ExpoCenter], await db.Set<Venue>().OrderBy(v => v.SortOrder).Select(v => v.NameEn).ToListAsync());
            var rooms = await db.Set<Room>().ToListAsync();
            Assert.Equal(15, rooms.Count);
            Assert.All(rooms, r => Assert.NotNull(r.ZoneId));
            Assert.Equal(5, await db.Set<EquipmentItem>().CountAsync());
            var bookings = await db.Set<Booking>().ToListAsync();
            // The venues' own seven confirmed bookings and five requests, and the 27 sessions the programme placed.
            Assert.Equal((34, 5), (bookings.Count(b => b.State == BookingState.Confirmed), bookings.Count(b => b.State == BookingState.Pending)));
            var sweep = await db.Set<RoomBlocking>().SingleAsync();
            Assert.Equal(rooms.Single(r => r.Code == "MFH").Id, sweep.RoomId);
        });
        Assert.Contains("Venues: 15 rooms in 2 venues", app.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_programme_places_its_sessions_in_the_wuzhen_rooms_with_guests_speaking_and_two_conflicts_to_resolve()
    {
        // The demo's own accounts, not the tests': read through the services, as the API would.
        var forums = await app.InScopeAsync(sp => sp.GetRequiredService<ForumService>().ListAsync());
        var sessions = await app.InScopeAsync(sp => sp.GetRequiredService<SessionService>().ListAsync());

        // The main forum and the twenty sub-forums of 2021.
        Assert.Equal([ForumKind.Main, .. Enumerable.Repeat(ForumKind.Sub, 20)], forums.Select(f => f.Kind));
        Assert.Equal(27, sessions.Count);
        Assert.All(sessions, s => Assert.NotNull(s.BookingId));
        Assert.Contains(sessions, s => s.Kind == SessionKind.OpeningCeremony && s.RoomCode == "MFH");
        // Speakers are the demo's guests (several in more than one session), besides two remote speakers and an interpreter.
        var people = sessions.SelectMany(s => s.Participants).ToList();
        Assert.True(people.Where(p => p.IsGuest).GroupBy(p => p.PersonId).Count(g => g.Count() > 1) >= 3);
        Assert.Equal(3, people.Where(p => !p.IsGuest).Select(p => p.PersonId).Distinct().Count());
        await app.InScopeAsync(async sp =>
        {
            var bookings = await sp.GetRequiredService<SummitDbContext>().Set<Booking>().Where(b => b.HolderKind == BookingHolderKind.Session).ToListAsync();
            Assert.Equal(sessions.Select(s => s.Id).Order(), bookings.Where(b => b.State == BookingState.Confirmed).Select(b => b.HolderId!.Value).Order());
        });

        var conflicts = await app.InScopeAsync(sp => sp.GetRequiredService<TimetableService>().ConflictsAsync());
        // The closed-door roundtable has more registrations (19) than its room seats (16): a warning, and an overflow on the timetable.
        Assert.Equal([(ConflictRule.TravelTooShort, RuleSeverity.Warn), (ConflictRule.CapacityBelowDemand, RuleSeverity.Warn),
                (ConflictRule.InterpretationMissing, RuleSeverity.BlockRelease)],
            conflicts.Select(c => (c.Rule, c.Severity)).Order());
        Assert.Contains("Programme: 21 forums, 26 of 26 sessions placed", app.Banner, StringComparison.Ordinal);

        // Sessions that state equipment hold it through their bookings, and none is short.
        var equipped = sessions.Where(s => s.Equipment is { Count: > 0 }).ToList();
        Assert.Equal(6, equipped.Count);
        Assert.All(equipped.SelectMany(s => s.Equipment!), e => Assert.Equal(e.Quantity, e.Held));
        var roundtable = Assert.Single(sessions, s => s.RegistrationRequired);
        Assert.Equal("BL-01", roundtable.RoomCode);
        var states = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SessionRegistration>().Where(r => r.SessionId == roundtable.Id)
            .Select(r => r.State).ToListAsync());
        Assert.Equal((16, 3), (states.Count(s => s == RegistrationState.Seated), states.Count(s => s == RegistrationState.Waiting)));
        Assert.Contains("a closed-door roundtable holds 16 registrations and a waiting list of 3", app.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_programme_is_released_once_and_a_draft_change_waits_with_the_conflict_that_stops_the_next_release()
    {
        var releases = await app.InScopeAsync(sp => sp.GetRequiredService<ReleaseService>().ListAsync());
        var released = Assert.Single(releases);
        Assert.Equal((1, 27), (released.Number, released.SessionCount));
        // Everyone on stage was told: the guests, both remote speakers and the interpreter.
        Assert.True(released.NoticeCount >= 20, $"{released.NoticeCount} notices");

        var pending = await app.InScopeAsync(sp => sp.GetRequiredService<ReleaseService>().PreviewAsync());
        var moved = Assert.Single(pending.Changes);
        Assert.Equal(ChangeKind.Moved, moved.Kind);
        Assert.Contains("Closing ceremony", moved.Text, StringComparison.Ordinal);
        Assert.Equal([ConflictRule.InterpretationMissing], pending.Blocking.Select(c => c.Rule));
        Assert.False(pending.CanRelease);
        Assert.Contains("version 1 is released", app.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_arrived_guest_entered_through_a_turnstile_when_they_arrived_and_is_inside_and_the_morning_has_each_kind_of_refusal()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var arrived = await db.Guests.Where(g => g.Status == GuestStatus.Arrived).ToListAsync();
            var entries = await db.Scans.Where(s => s.Admitted && s.Direction == GateDirection.Entry).ToListAsync();
            var inside = await db.ZonePresence.Where(p => p.Inside).Select(p => p.GuestId).ToListAsync();
            Assert.NotEmpty(arrived);
            Assert.All(arrived, guest =>
            {
                Assert.Contains(entries, s => s.GuestId == guest.Id && s.ScannedAt == guest.StatusChangedAt && s.DeviceId != null);
                Assert.Contains(guest.Id, inside);
            });
            Assert.All(await db.Scans.ToListAsync(), s => Assert.InRange(s.ScannedAt, DemoFactory.Today.AddHours(-3), DemoFactory.Today));
            // Besides the entries, one of each refusal a morning brings, for the scan lists to show.
            var morning = await db.Scans.Where(s => s.ScannedAt < DemoFactory.Today || s.Reason != ReasonCode.Admitted).Select(s => s.Reason).Distinct().ToListAsync();
            Assert.Equal([ReasonCode.Admitted, ReasonCode.BadFormat, ReasonCode.Revoked, ReasonCode.ZoneNotGranted, ReasonCode.AlreadyInside,
                ReasonCode.PersonBlocked], morning.Order());
        });
    }

    [Fact]
    public async Task The_banner_code_opens_the_agent_gate_today_once_with_the_owner_only_token_file_and_then_the_main_hall_at_the_console()
    {
        var tokenFile = TokenFile().Groups[1].Value;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
        var code = SampleCode().Match(app.Banner).Value;
        Assert.NotEmpty(code);

        var entry = await app.ScanAsync(token, code);
        Assert.True(entry.Admitted, entry.Message);
        Assert.Equal(GuestStatus.Arrived, await app.InScopeAsync(sp =>
            sp.GetRequiredService<SummitDbContext>().Guests.Where(g => g.Id == entry.Holder!.GuestId).Select(g => g.Status).FirstAsync()));
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(token, code)).Reason);

        using var anonymous = app.CreateClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "gateoperator@summit.local", password = DemoSeeder.DemoPassword }))
            .OkAsync<LoginBody>();
        using var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.AccessToken);
        var mainDoor = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Gates.Where(g => g.Code == "M1").Select(g => g.Id).FirstAsync());
        var console = await (await operatorClient.PostAsJsonAsync($"/api/v1/access/gates/{mainDoor}/scans", new ConsoleScanRequest(Guid.NewGuid(), code), Intents.Json))
            .OkAsync<ScanResponse>();
        Assert.True(console.Admitted, console.Message);
        // The console shows the VIP's drawn portrait, not "No photo".
        Assert.NotNull(console.Holder?.PhotoUrl);
        using var photo = await operatorClient.GetAsync(console.Holder.PhotoUrl);
        Assert.Equal(System.Net.HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_start_without_reset_keeps_the_event_and_prints_the_agent_command_and_the_same_reserved_code_again()
    {
        var code = SampleCode().Match(app.Banner).Value;
        Assert.NotEmpty(code);
        var guests = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.CountAsync());

        var again = await DemoSeeder.RunAsync(app.Services, DemoSeeder.DefaultSeed, guestCount: 300, reset: false);

        Assert.Contains("already exists", again, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Summit.GateAgent -- --server", again, StringComparison.Ordinal);
        Assert.Equal(TokenFile().Groups[1].Value, TokenFilePattern().Match(again).Groups[1].Value);
        Assert.Equal(code, SampleCode().Match(again).Value);
        Assert.Equal(guests, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.CountAsync()));
    }

    [Fact]
    public async Task The_event_is_dated_on_the_days_the_demo_runs_so_its_scans_fall_on_day_one()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(DemoSeeder.EventTimeZone);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var summitEvent = await db.Events.SingleAsync();
            Assert.Equal(new DateOnly(2026, 11, 30), summitEvent.StartDate);
            Assert.Equal(new DateOnly(2026, 12, 2), summitEvent.EndDate);
            Assert.All(await db.Scans.Select(s => s.ScannedAt).ToListAsync(),
                at => Assert.Equal(summitEvent.StartDate, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime)));
        });
    }

    [Theory]
    [InlineData("2026-11-30T02:30:00Z", "2026-11-30")] // 10:30 in Wuzhen
    [InlineData("2026-11-30T15:59:00Z", "2026-11-30")] // 23:59 in Wuzhen
    [InlineData("2026-11-30T18:00:00Z", "2026-11-30")] // 02:00 in Wuzhen: the seeded arrivals began the evening before
    [InlineData("2026-11-30T19:00:00Z", "2026-12-01")] // 03:00 in Wuzhen
    public void Day_one_is_the_day_of_the_seeded_arrivals_in_Wuzhen_and_the_event_lasts_three_days(string now, string firstDay)
    {
        var summitEvent = DemoSeeder.CreateEvent(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture), summitEvent.StartDate);
        Assert.Equal(summitEvent.StartDate.AddDays(2), summitEvent.EndDate);
        Assert.Equal("World Internet Conference Wuzhen Summit 2021", summitEvent.Name);
    }

    [Fact]
    public async Task Every_phone_number_is_valid_for_the_guests_country()
    {
        var util = PhoneNumbers.PhoneNumberUtil.GetInstance();
        var phones = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.Select(g => new { g.Phone, g.CountryCode }).ToListAsync());
        Assert.Equal(300, phones.Count);
        Assert.All(phones, p =>
        {
            Assert.NotNull(p.Phone);
            Assert.True(util.IsValidNumberForRegion(util.Parse(p.Phone, p.CountryCode), p.CountryCode), $"{p.Phone} is not a number of {p.CountryCode}");
        });
        // Every region of the demo can be drawn, not only those the 300 guests happen to come from.
        Assert.All(DemoData.Countries, c => Assert.True(util.IsValidNumberForRegion(util.Parse(DemoPhones.For(c.Code, new Random(1)), c.Code), c.Code), c.Code));
    }

    [Fact]
    public async Task A_family_name_belongs_to_one_language_area_and_positions_and_titles_fit_the_guest()
    {
        var poolOf = DemoData.Countries.ToDictionary(c => c.Code, c => c.Pool);
        var pools = DemoData.Countries.Select(c => c.Pool).Distinct().ToList();
        Assert.Equal(pools.Sum(p => p.Family.Length), pools.SelectMany(p => p.Family.Select(f => f.Latin)).Distinct().Count());

        var guests = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var categories = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.Code);
            return (await db.Guests.ToListAsync()).Select(g => (Guest: g, Category: categories[g.CategoryId])).ToList();
        });
        Assert.All(guests.GroupBy(g => g.Guest.FamilyNameLatin), name =>
            Assert.Single(name.Select(g => poolOf[g.Guest.CountryCode]).Distinct()));
        Assert.All(guests, g => Assert.Contains(g.Guest.FamilyNameLatin, poolOf[g.Guest.CountryCode].Family.Select(f => f.Latin)));

        string[] senior = ["Professor", "Associate Professor", "Minister", "Vice Minister", "Ambassador", "Dean"];
        Assert.All(guests.Where(g => g.Category is "Exhibitor" or "Contractor" or "Volunteer" or "Staff" or "Media"),
            g => Assert.DoesNotContain(g.Guest.Position, senior));
        Assert.All(guests.Where(g => g.Guest.Position is "Professor" or "Associate Professor"), g => Assert.Equal(OrganisationType.University, g.Guest.OrganisationType));
        Assert.All(guests.Where(g => g.Guest.Title == "H.E."), g => Assert.Contains(g.Guest.Position, new[] { "Minister", "Vice Minister", "Ambassador" }));
        Assert.All(guests.Where(g => g.Guest.Title == "Prof."), g => Assert.Contains("Professor", g.Guest.Position, StringComparison.Ordinal));
        Assert.Contains(guests, g => g.Category == "Exhibitor");
    }

    [Fact]
    public async Task Every_registered_guest_who_comes_in_person_has_a_drawn_portrait_stored_encrypted()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var guests = await db.Guests.ToListAsync();
            var expected = guests.Where(g => g.DataConsentAt != null && g.ParticipationMode == ParticipationMode.InPerson).Select(g => g.Id).Order().ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, guests.Where(g => g.HasPhoto).Select(g => g.Id).Order());
            Assert.Equal(expected, await db.GuestPhotos.Select(p => p.GuestId).OrderBy(id => id).ToListAsync());

            var stored = await db.GuestPhotos.FirstAsync();
            Assert.NotEqual((byte)0xFF, stored.EncryptedJpeg[0]);
            var service = sp.GetRequiredService<Summit.Server.Guests.Contracts.IGuestDirectory>();
            var images = new List<byte[]>();
            foreach (var id in expected.Take(3))
            {
                var jpeg = await service.GetPhotoJpegAsync(id);
                Assert.NotNull(jpeg);
                using var bitmap = SkiaSharp.SKBitmap.Decode(jpeg);
                Assert.Equal((DemoPortraits.Width, DemoPortraits.Height), (bitmap.Width, bitmap.Height));
                images.Add(jpeg);
            }

            Assert.Equal(3, images.Select(Convert.ToBase64String).Distinct().Count());
        });
        // The same seed draws the same portrait.
        Assert.Equal(DemoPortraits.Jpeg("LW", 7), DemoPortraits.Jpeg("LW", 7));
    }

    [Fact]
    public async Task The_demo_enrols_consenting_guests_from_real_faces_marks_its_vips_and_makes_the_east_gate_a_face_lane()
    {
        var cast = await DemoCastAsync();
        Assert.NotNull(cast.LentBadgeHolder);
        Assert.NotNull(cast.LentBadgeBorrower);
        Assert.NotEmpty(cast.LaneVips);
        // One face each: nobody shares a face with another guest.
        Assert.Equal(cast.Everyone.Count(), cast.Everyone.Select(f => (f.Photo, f.CentreX, f.CentreY)).Distinct().Count());
        // Enrolled: the lane's VIPs and the lent badge's holder; the borrower's face is only seen at the lane.
        var everyone = cast.LaneVips.Select(f => f.GuestId).Append(cast.LentBadgeHolder.GuestId).ToList();

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var rows = await db.Set<FaceEnrolment>().AsNoTracking().ToListAsync();
            Assert.Equal(everyone.Order(), rows.Select(r => r.GuestId).Order());
            Assert.DoesNotContain(cast.LentBadgeBorrower.GuestId, everyone);
            Assert.All(rows, r => Assert.Equal((FaceEnrolmentState.Enrolled, FaceEnrolmentSource.DeskPhoto, true),
                (r.State, r.Source, r.EncryptedTemplate is { Length: > 0 })));
            Assert.Equal(cast.LaneVips.Select(v => v.GuestId).Order(), rows.Where(r => r.FastLane).Select(r => r.GuestId).Order());

            var guests = await db.Guests.AsNoTracking().Where(g => everyone.Contains(g.Id)).ToListAsync();
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code);
            // Consented (from the portal, or recorded at the desk), still to arrive, and the VIPs in the lane are VIPs.
            Assert.All(guests, g => Assert.Equal((true, GuestStatus.Accredited), (g.FaceConsentAt is not null, g.Status)));
            Assert.All(guests.Where(g => cast.LaneVips.Any(v => v.GuestId == g.Id)), g => Assert.Equal("VIP", categories[g.CategoryId]));
            var reserved = DemoLiveState.Load(DemoLiveState.PathIn(sp.GetRequiredService<IConfiguration>()), guests[0].EventId)!.ReservedGuestId;
            Assert.DoesNotContain(reserved!.Value, everyone);

            var lane = await db.Set<FaceLane>().AsNoTracking().SingleAsync();
            Assert.Equal(DemoFaces.LaneGate, await db.Gates.Where(g => g.Id == lane.GateId).Select(g => g.Code).SingleAsync());
        });
        Assert.Contains($"Faces: {everyone.Count} guests enrolled at the desk from real faces", app.Banner, StringComparison.Ordinal);
        Assert.Contains($"人脸：{everyone.Count} 位嘉宾", app.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lane_frame_of_each_demo_vip_is_found_by_the_servers_face_lane_search_and_the_borrowers_face_does_not_match_the_lent_badge()
    {
        var cast = await DemoCastAsync();
        byte[] FrameOf(DemoFace face) => DemoFaces.LaneFrame(File.ReadAllBytes(DemoFacePhotos.PathOf(FaceApiPackage.Directory, face.Photo)), face);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var snapshot = await sp.GetRequiredService<AccessSnapshotCache>().GetAsync(db, sp.GetRequiredService<GuestDirectory>(),
                sp.GetRequiredService<AccessSettingsService>(), CancellationToken.None);
            var laneId = await db.Gates.Where(g => g.Code == DemoFaces.LaneGate).Select(g => g.Id).SingleAsync();
            var lane = snapshot.Gates[laneId];
            foreach (var vip in cast.LaneVips)
            {
                // The frame is not the enrolled photo (more around the face, smaller, compressed again): the engine computes the distance.
                Assert.NotEqual(DemoFaces.Portrait(File.ReadAllBytes(DemoFacePhotos.PathOf(FaceApiPackage.Directory, vip.Photo)), vip), FrameOf(vip));
                var found = await sp.GetRequiredService<IGateFaceSearch>().SearchAsync(lane, [FrameOf(vip)], CancellationToken.None);
                Assert.NotNull(found);
                Assert.Equal(vip.GuestId, found.HolderId);
                Assert.True(found.Distance is > 0 and var d && d < found.Threshold, $"distance {found.Distance}, threshold {found.Threshold}");
            }

            var comparer = sp.GetRequiredService<IGateFrameComparer>();
            var lent = await comparer.CompareAsync(cast.LentBadgeHolder!.GuestId, lane, [FrameOf(cast.LentBadgeBorrower!)], CancellationToken.None);
            var own = await comparer.CompareAsync(cast.LentBadgeHolder.GuestId, lane, [FrameOf(cast.LentBadgeHolder)], CancellationToken.None);
            Assert.False(lent!.Value.Matches, $"distance {lent.Value.Distance}");
            Assert.True(own!.Value.Matches, $"distance {own.Value.Distance}");
        });
    }

    private Task<DemoFaceCast> DemoCastAsync() => app.InScopeAsync(async sp =>
    {
        var eventId = await sp.GetRequiredService<SummitDbContext>().Events.Select(e => e.Id).SingleAsync();
        var state = DemoLiveState.Load(DemoLiveState.PathIn(sp.GetRequiredService<IConfiguration>()), eventId);
        Assert.NotNull(state?.Faces);
        return state.Faces;
    });

    private Match TokenFile()
    {
        var match = TokenFilePattern().Match(app.Banner);
        Assert.True(match.Success, app.Banner);
        return match;
    }

    [GeneratedRegex(@"its device token is in (\S+)\)")]
    private static partial Regex TokenFilePattern();

    [GeneratedRegex(@"^S1[A-Z2-7]+$", RegexOptions.Multiline)]
    private static partial Regex SampleCode();

    private sealed record LoginBody(string AccessToken);
}
