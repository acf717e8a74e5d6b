using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Demo.Live;
using Summit.Server.Events;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Guests.Invitations;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Privacy;
using static Summit.Server.Demo.DemoData;

namespace Summit.Server.Demo;

/// <summary>
/// Creates the reference event, WIC Wuzhen Summit 2021, at full scale: about 2,000 guests from 80+
/// countries and regions in every category, organisation type and status, with delegations and one
/// staff account per role. The same seed always gives the same event. Its programme and figures are
/// those of 2021; its three days are the days on which the demo is run, so that what it records falls on them.
/// </summary>
public static partial class DemoSeeder
{
    public const int DefaultSeed = 2021;
    public const int DefaultGuestCount = 2000;
    public const string DemoPassword = "Summit-Demo-2021";
    public const string AdminEmail = "admin@summit.local";
    public const string EventTimeZone = "Asia/Shanghai";
    public const int EventDays = 3;

    /// <summary>The arrived guests came through the gates at most this long before the demo was made (the seeded morning).</summary>
    internal static readonly TimeSpan SeededArrivals = TimeSpan.FromMinutes(150);

    private static readonly (string Code, string En, string Zh, string Colour, int Weight)[] Categories =
    [
        ("VIP", "VIP", "贵宾", "#C62828", 5), ("Speaker", "Speaker", "演讲嘉宾", "#6A1B9A", 10), ("Delegate", "Delegate", "代表", "#1565C0", 45),
        ("Media", "Media", "媒体", "#EF6C00", 12), ("Exhibitor", "Exhibitor", "参展商", "#2E7D32", 12), ("Staff", "Staff", "工作人员", "#455A64", 7),
        ("Volunteer", "Volunteer", "志愿者", "#00838F", 6), ("Contractor", "Contractor", "服务商", "#795548", 3),
    ];

    private static readonly (GuestStatus Status, int Weight)[] StatusMix =
    [
        (GuestStatus.Invited, 14), (GuestStatus.Registered, 18), (GuestStatus.Approved, 16), (GuestStatus.Rejected, 3),
        (GuestStatus.Accredited, 34), (GuestStatus.Arrived, 13), (GuestStatus.Withdrawn, 2),
    ];

    public static async Task<string> RunAsync(IServiceProvider services, int seed, int guestCount, bool reset)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<SummitDbContext>();
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "demo", null));
        if (reset)
        {
            await db.Database.EnsureDeletedAsync();
            await DatabaseSetup.MigrateAsync(services);
        }

        var clock = provider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        if (await db.Events.OrderBy(e => e.StartDate).FirstOrDefaultAsync() is { } existing)
        {
            // A demo made before the sensors existed gets them now, so that the live morning has readings to send; the same for
            // its retention period, which must outlast the event before the purge job looks.
            await DemoScreening.EnrolSensorsAsync(services);
            await DemoRooms.SeedAsync(services);
            await DemoProgramme.SeedAsync(services);
            await DemoPrivacy.EnsureRetentionAsync(db, now);
            var reserved = await ReserveAsync(provider, existing.Id);
            return Banner(services, "The demo event already exists: the live morning carries on where it stood, nothing is played twice "
                + "(start with --reset to create the demo again and play the morning from the start).\n"
                + await AgentTextAsync(provider, reserved), watch.Elapsed, existing: true);
        }

        var summitEvent = CreateEvent(now);
        db.Events.Add(summitEvent);
        // With the event, in one save: the purge job must never see the event without the demo's retention period.
        db.Set<PrivacySettings>().Add(DemoPrivacy.RetentionFor(summitEvent, now));
        var categories = Categories.Select((c, i) => new AccreditationCategory
        {
            EventId = summitEvent.Id,
            Code = c.Code,
            NameEn = c.En,
            NameZh = c.Zh,
            Colour = c.Colour,
            SortOrder = i,
        }).ToList();
        db.Categories.AddRange(categories);
        await db.SaveChangesAsync();

        var random = new Random(seed);
        var protector = provider.GetRequiredService<FieldProtector>();
        var delegations = CreateDelegations(summitEvent.Id);
        db.Delegations.AddRange(delegations.Values);

        var guests = new List<Guest>(guestCount);
        var usedEmails = new HashSet<string>();
        for (var i = 0; i < guestCount; i++)
        {
            guests.Add(CreateGuest(random, i, summitEvent.Id, categories, delegations, usedEmails, protector, now));
        }

        // Each delegation's liaison is one of its own members, preferably one who has not registered yet,
        // so that the demo shows a liaison completing registrations.
        foreach (var delegation in delegations.Values)
        {
            var members = guests.Where(g => g.DelegationId == delegation.Id).ToList();
            delegation.LiaisonGuestId = (members.FirstOrDefault(g => g.Status == GuestStatus.Invited) ?? members.FirstOrDefault())?.Id;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Guests.AddRange(guests);
        db.GuestPhotos.AddRange(Portraits(guests, seed, protector));
        await db.SaveChangesAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await DatabaseSetup.RefreshStatisticsAsync(db);

        // Everyone still Invited gets a real invitation (mail in the outbox); two links are printed to try the portal.
        var invited = guests.Where(g => g.Status == GuestStatus.Invited).Select(g => g.Id).ToList();
        var invitations = await provider.GetRequiredService<InvitationService>().InviteAsync(invited);
        var liaisonId = delegations["CN"].LiaisonGuestId;
        var liaisonLink = invitations.Sent.FirstOrDefault(i => i.GuestId == liaisonId)?.Link;
        var guestLink = invitations.Sent.FirstOrDefault(i => i.GuestId != liaisonId)?.Link;

        var accounts = provider.GetRequiredService<StaffAccounts>();
        foreach (var role in Roles.All)
        {
            await accounts.CreateAsync(StaffEmailOf(role), DisplayNameOf(role), DemoPassword, [role]);
        }

        var access = await DemoAccess.RunAsync(services, random, summitEvent, categories, guests, now);
        var faces = await DemoFaces.SeedAsync(services, guests, categories.ToDictionary(c => c.Id, c => c.Code), access.Sample);
        // Before the live morning starts: it leaves this VIP out, so that their code is still unused when a newcomer pastes it; and it
        // plays the face scenes with the guests enrolled here.
        new DemoLiveState { EventId = summitEvent.Id, ReservedGuestId = access.Sample, Faces = faces.Cast }
            .Save(DemoLiveState.PathIn(services.GetRequiredService<IConfiguration>()));
        var sensors = await DemoScreening.EnrolSensorsAsync(services);
        var venues = await DemoRooms.SeedAsync(services);
        var programme = await DemoProgramme.SeedAsync(services);
        return Banner(services, $"Created {summitEvent.Name}: {guests.Count} guests from {guests.Select(g => g.CountryCode).Distinct().Count()} countries and regions, "
            + $"{delegations.Count} delegations, {invitations.Sent.Count} invitations, {Roles.All.Count} staff accounts (seed {seed}).\n"
            + $"Try the guest portal:   {guestLink}\nas a delegation liaison: {liaisonLink}\n" + AccessText(access) + "\n" + await AgentTextAsync(provider, access.Sample)
            + $"\n{sensors} infrared sensors on the entry lanes ({string.Join(", ", DemoScreening.SensorGates)}), readings over MQTT.\n{faces.Text}\n{venues}\n{programme}",
            watch.Elapsed, faceScenes: faces.Cast is not null);
    }

    /// <summary>The demo's account of a role: admin@summit.local, gateoperator@summit.local...</summary>
    internal static string StaffEmailOf(string role) => role == Roles.Admin ? AdminEmail : $"{role.ToLowerInvariant()}@summit.local";

    private static string AccessText(DemoAccessResult access) => $"""
        One-code access: {access.Zones} zones, {access.Gates} gates, {access.Devices} turnstile devices; {access.Credentials} credentials ({access.Reissued} reissued after a lost badge), {access.Blocked} person blocked.
        {access.Scans} scans at the turnstiles in the two hours before now; inside now: {string.Join(", ", access.Inside.Select(z => $"{z.Zone} {z.Inside}"))}.
        Codes are valid from {access.ValidFrom:yyyy-MM-dd} to {access.ValidUntil:yyyy-MM-dd}.
        """;

    /// <summary>
    /// The VIP kept for the gate agent: the one recorded for this event, or (a demo made before the reservation existed) the first
    /// accredited VIP who has not arrived, recorded now, before the live morning starts and leaves them out.
    /// </summary>
    private static async Task<Guid?> ReserveAsync(IServiceProvider provider, Guid eventId)
    {
        var path = DemoLiveState.PathIn(provider.GetRequiredService<IConfiguration>());
        var state = DemoLiveState.Load(path, eventId);
        if (state?.ReservedGuestId is { } reserved)
        {
            return reserved;
        }

        var db = provider.GetRequiredService<SummitDbContext>();
        var vip = await db.Categories.Where(c => c.EventId == eventId && c.Code == "VIP").Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        var movedByTheMorning = state?.People?.ToHashSet() ?? [];
        var candidates = await db.Guests.AsNoTracking().Where(g => g.EventId == eventId && g.CategoryId == vip && g.Status == GuestStatus.Accredited)
            .OrderBy(g => g.Email).Select(g => g.Id).ToListAsync();
        var chosen = candidates.Where(id => !movedByTheMorning.Contains(id)).Select(id => (Guid?)id).FirstOrDefault();
        ((state ?? new DemoLiveState { EventId = eventId }) with { ReservedGuestId = chosen }).Save(path);
        return chosen;
    }

    /// <summary>How to run the gate agent against the demo, and the reserved VIP's code to paste into it: printed on every start.</summary>
    private static async Task<string> AgentTextAsync(IServiceProvider provider, Guid? reserved)
    {
        var url = ServerUrl(provider);
        var dataDirectory = SummitHost.DataDirectory(provider.GetRequiredService<IConfiguration>());
        var tokenFile = DemoAccess.AgentTokenFile(dataDirectory);
        var text = $"""
            Gate console: {url}/gate  (sign in as gateoperator@summit.local)
            Gate agent on turnstile {DemoVenue.AgentGate} (its device token is in {tokenFile}), from the repository root:
                dotnet run --project src/Summit.GateAgent -- --server {url} --token-file {tokenFile} --data {DemoAccess.AgentDataDirectory(dataDirectory)}
            """;
        var db = provider.GetRequiredService<SummitDbContext>();
        var holder = reserved is null ? null : await db.Guests.AsNoTracking().FirstOrDefaultAsync(g => g.Id == reserved);
        var code = holder is null ? null : await provider.GetRequiredService<Access.Credentials.CredentialService>().GetCodeAsync(holder.Id);
        if (holder is null || code is null)
        {
            return text;
        }

        var category = await db.Categories.Where(c => c.Id == holder.CategoryId).Select(c => c.Code).FirstAsync();
        var how = holder.Status == GuestStatus.Arrived
            ? "who was let in already (in an earlier run), and press Enter: it is refused (already inside)"
            : "whom the live morning leaves out, and press Enter; the second time it is refused (already inside)";
        return $"""
            {text}
            then paste the code of {holder.DisplayName} ({category}), {how}:
            {code}
            """;
    }

    /// <summary>The first address the server listens on, as a browser or the gate agent on this machine reaches it.</summary>
    private static string ServerUrl(IServiceProvider services)
    {
        var url = (services.GetRequiredService<IConfiguration>()["urls"] ?? "http://localhost:5000").Split(';')[0];
        return WildcardHost().Replace(url, "//localhost");
    }

    private static string Banner(IServiceProvider services, string what, TimeSpan elapsed, bool existing = false, bool faceScenes = false)
    {
        return $"""

            ================================ Summit demo ================================
            {what}
            Ready in {elapsed.TotalSeconds:0.0} s.
            Open {ServerUrl(services)} and sign in as
                {AdminEmail}  /  {DemoPassword}
            Every role has an account <role>@summit.local with the same password,
            for example accreditationofficer@summit.local or gateoperator@summit.local.
            {LiveText(services, existing, faceScenes)}
            =============================================================================

            """;
    }

    private static string LiveText(IServiceProvider services, bool existing, bool faceScenes)
    {
        var live = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoLiveOptions>>().Value;
        return !live.Enabled ? "The live morning is off (--no-live): the dashboard shows the recorded mornings only."
            : existing ? $"""
                The opening morning carries on live where the last run left it (the console says from which minute), at {live.Speed:0.#}x;
                a morning played to its end is not played again. Watch {ServerUrl(services)}/operations.
                """
            : $"""
                The opening morning plays live as soon as the server answers, at {live.Speed:0.#}x: {DemoScriptWriter.Morning.TotalMinutes / live.Speed:0.#} minutes.
                Watch {ServerUrl(services)}/operations: arrivals, fevers that hold a lane (clear them on /screening as
                securityofficer@summit.local), a sensor that breaks, a sub-forum that fills up.{(faceScenes ? FaceScenesText : string.Empty)}
                """;
    }

    private static readonly string FaceScenesText = $"\nAt {DemoFaces.LaneGate}, VIPs pass the face lane on their face, and a lent badge is refused by the face check "
        + "(an incident the gate operator reports and a security officer resolves): see /operations/incidents and /faces/thresholds.";

    /// <summary>
    /// The 2021 summit (26-28 September) moved to the days on which the demo runs: day 1 is the day (in Wuzhen) of the seeded
    /// morning's first arrivals, so the day it is created unless that is before 02:30 in Wuzhen. The closing report then finds
    /// the seeded and the live mornings within the event's dates.
    /// </summary>
    internal static SummitEvent CreateEvent(DateTimeOffset now)
    {
        var firstArrivals = TimeZoneInfo.ConvertTime(now - SeededArrivals, TimeZoneInfo.FindSystemTimeZoneById(EventTimeZone));
        var firstDay = DateOnly.FromDateTime(firstArrivals.DateTime);
        var summitEvent = new SummitEvent
        {
            Name = "World Internet Conference Wuzhen Summit 2021",
            NameZh = "2021年世界互联网大会乌镇峰会",
            StartDate = firstDay,
            EndDate = firstDay.AddDays(EventDays - 1),
            TimeZoneId = EventTimeZone,
        };
        summitEvent.Venues.Add(new EventVenue { EventId = summitEvent.Id, Name = DemoVenue.ConferenceCenter, NameZh = DemoVenue.ConferenceCenterZh, SortOrder = 0 });
        summitEvent.Venues.Add(new EventVenue { EventId = summitEvent.Id, Name = DemoVenue.ExpoCenter, NameZh = DemoVenue.ExpoCenterZh, SortOrder = 1 });
        return summitEvent;
    }

    private static Dictionary<string, Delegation> CreateDelegations(Guid eventId)
    {
        string[] countries = ["CN", "RU", "KZ", "AE", "SA", "EG", "TH", "GR", "US", "GB", "DE", "FR", "IT", "RS", "HU", "TR", "PK", "IN",
            "VN", "ID", "MY", "KH", "LA", "BR", "AR", "ZA", "NG", "KE", "ET", "JP", "KR", "SG"];
        return countries.ToDictionary(c => c, c => new Delegation
        {
            EventId = eventId,
            CountryCode = c,
            Name = $"Delegation of {Guests.Contracts.Countries.NameOf(c, "en")}",
        });
    }

    private static Guest CreateGuest(Random random, int index, Guid eventId, List<AccreditationCategory> categories,
        Dictionary<string, Delegation> delegations, HashSet<string> usedEmails, FieldProtector protector, DateTimeOffset now)
    {
        var (countryCode, pool, _) = Pick(random, DemoData.Countries, c => c.Weight);
        var family = pool.Family[random.Next(pool.Family.Length)];
        var given = pool.Given[random.Next(pool.Given.Length)];
        var category = categories[IndexOf(Pick(random, Categories, c => c.Weight).Code, categories)];
        var organisationType = category.Code switch
        {
            "Media" => OrganisationType.Media,
            "Exhibitor" or "Contractor" => OrganisationType.Company,
            "Staff" or "Volunteer" => random.Next(2) == 0 ? OrganisationType.Government : OrganisationType.University,
            _ => (OrganisationType)random.Next(1, 9),
        };
        var organisation = organisationType switch
        {
            OrganisationType.Government => $"{GovernmentBodies[random.Next(GovernmentBodies.Length)]}, {Guests.Contracts.Countries.NameOf(countryCode, "en")}",
            OrganisationType.InternationalOrganization => InternationalOrganizations[random.Next(InternationalOrganizations.Length)],
            OrganisationType.IndustryAssociation => IndustryAssociations[random.Next(IndustryAssociations.Length)],
            OrganisationType.Company => Companies[random.Next(Companies.Length)],
            OrganisationType.University => Universities[random.Next(Universities.Length)],
            OrganisationType.ThinkTank => ThinkTanks[random.Next(ThinkTanks.Length)],
            OrganisationType.ResearchInstitute => ResearchInstitutes[random.Next(ResearchInstitutes.Length)],
            _ => Media[random.Next(Media.Length)],
        };
        var positions = PositionsByCategory.GetValueOrDefault(category.Code) ?? PositionsByOrganisation[organisationType];
        var position = positions[random.Next(positions.Length)];
        var status = Pick(random, StatusMix, s => s.Weight).Status;
        var emailLocal = Ascii($"{given.Latin}.{family.Latin}");
        var domain = Ascii(organisation.Split(' ', ',', '(')[0]) is { Length: > 1 } d ? d : "example";
        var email = $"{emailLocal}@{domain}.example";
        for (var n = 2; !usedEmails.Add(email); n++)
        {
            email = $"{emailLocal}{n}@{domain}.example";
        }

        // Arrived guests came through the gates in the two hours before the demo was made (see DemoAccess); the others moved
        // to their status over the last forty days.
        var changedAt = status == GuestStatus.Arrived ? now.AddSeconds(-random.Next(10 * 60, (int)SeededArrivals.TotalSeconds)) : now.AddMinutes(-random.Next(60, 60 * 24 * 40));
        var inDelegation = delegations.TryGetValue(countryCode, out var delegation) && organisationType == OrganisationType.Government;
        var registered = status is not (GuestStatus.Invited or GuestStatus.Withdrawn);
        var guest = new Guest
        {
            EventId = eventId,
            FamilyName = family.Native,
            GivenName = given.Native,
            FamilyNameLatin = family.Latin,
            GivenNameLatin = given.Latin,
            Title = TitleOfPosition.TryGetValue(position, out var title) ? title : random.Next(6) == 0 ? "Dr" : null,
            Gender = random.Next(10) == 0 ? null : (Gender)random.Next(1, 3),
            Organisation = organisation,
            OrganisationType = organisationType,
            Position = position,
            CountryCode = countryCode,
            DelegationId = inDelegation ? delegation!.Id : null,
            Email = email,
            Phone = DemoPhones.For(countryCode, random),
            Language = pool.Language,
            // Online participants get no credential, so they stop at Approved.
            ParticipationMode = category.Code is "Staff" or "Volunteer" or "Contractor" || random.Next(100) >= 22 || status is GuestStatus.Accredited or GuestStatus.Arrived
                ? ParticipationMode.InPerson
                : ParticipationMode.Online,
            CategoryId = category.Id,
            Status = status,
            StatusReason = status == GuestStatus.Rejected ? "Incomplete identity documents" : status == GuestStatus.Withdrawn ? "Travel cancelled" : null,
            StatusChangedAt = changedAt,
            DataConsentAt = registered ? changedAt.AddDays(-1) : null,
            FaceConsentAt = registered && random.Next(100) < 85 ? changedAt.AddDays(-1) : null,
            PrivacyNoticeVersion = registered ? "2021-09" : null,
            CreatedAt = changedAt.AddDays(-random.Next(1, 20)),
            UpdatedAt = changedAt,
        };
        if (registered)
        {
            var passport = $"{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(1000000, 9999999)}{index % 10}";
            guest.PassportNumberEncrypted = protector.ProtectString(passport);
            guest.PassportHash = protector.LookupHash(passport);
        }

        guest.RefreshDerivedFields();
        return guest;
    }

    /// <summary>
    /// A drawn portrait for every registered guest who comes in person (as the portal asks of them), encrypted as an upload is. The
    /// portraits are Summit's own small JPEGs without metadata, so they skip the upload's re-encoding.
    /// </summary>
    private static List<GuestPhoto> Portraits(List<Guest> guests, int seed, FieldProtector protector)
    {
        var photos = new List<GuestPhoto>();
        for (var i = 0; i < guests.Count; i++)
        {
            var guest = guests[i];
            if (guest.DataConsentAt is null || guest.ParticipationMode != ParticipationMode.InPerson)
            {
                continue;
            }

            var initials = $"{guest.GivenNameLatin?.FirstOrDefault()}{guest.FamilyNameLatin?.FirstOrDefault()}".ToUpperInvariant();
            photos.Add(new GuestPhoto
            {
                GuestId = guest.Id,
                EncryptedJpeg = protector.Protect(DemoPortraits.Jpeg(initials, unchecked(seed * 100_003 + i))),
                Width = DemoPortraits.Width,
                Height = DemoPortraits.Height,
                UploadedAt = guest.DataConsentAt.Value,
            });
            guest.HasPhoto = true;
        }

        return photos;
    }

    private static int IndexOf(string code, List<AccreditationCategory> categories) => categories.FindIndex(c => c.Code == code);

    private static T Pick<T>(Random random, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var total = items.Sum(weight);
        var roll = random.Next(total);
        foreach (var item in items)
        {
            roll -= weight(item);
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1];
    }

    private static string Ascii(string value)
    {
        var normalized = value.Normalize(System.Text.NormalizationForm.FormD);
        return new string(normalized.Where(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '.' or '-').ToArray()).ToLowerInvariant().Trim('.');
    }

    [GeneratedRegex(@"//(\+|\*|0\.0\.0\.0|\[::\])")]
    private static partial Regex WildcardHost();

    private static string DisplayNameOf(string role) => string.Concat(role.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString()));
}
