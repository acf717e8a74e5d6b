using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

/// <summary>The audit log: every change to a guest with its old and new values, and every read of personal data.</summary>
public class AuditTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Creating_and_editing_a_guest_records_who_when_and_the_old_and_new_values()
    {
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var createdAt = app.Clock.GetUtcNow();
        var guest = await app.CreateGuestAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var updatedAt = app.Clock.GetUtcNow();
        using (var officer = await app.ClientForAsync(Roles.AccreditationOfficer))
        {
            var input = Intents.NewGuestInput(email: guest.Email);
            input.Organisation = "Tsinghua University";
            (await officer.PutAsJsonAsync($"/api/v1/guests/{guest.Id}", input, Intents.Json)).EnsureSuccessStatusCode();
        }

        var trail = await TrailAsync(guest.Id);
        var created = Assert.Single(trail, e => e.Action == AuditActions.GuestCreated);
        Assert.Equal((SummitFactory.EmailOf(Roles.Secretariat), await UserIdAsync(Roles.Secretariat), createdAt), (created.ActorName, created.ActorId, created.At));
        Assert.Equal((null, "王"), Change(created, "familyName"));
        Assert.Equal((null, "Zhejiang University"), Change(created, "organisation"));

        var updated = Assert.Single(trail, e => e.Action == AuditActions.GuestUpdated);
        Assert.Equal((SummitFactory.EmailOf(Roles.AccreditationOfficer), await UserIdAsync(Roles.AccreditationOfficer), updatedAt),
            (updated.ActorName, updated.ActorId, updated.At));
        Assert.Equal(("Zhejiang University", "Tsinghua University"), Change(updated, "organisation"));
        Assert.Null(Change(updated, "familyName"));
    }

    [Fact]
    public async Task Reading_a_guests_detail_is_recorded()
    {
        var guest = await app.CreateGuestAsync();
        Assert.DoesNotContain(await TrailAsync(guest.Id), e => e.Action == AuditActions.GuestViewed);

        using var officer = await app.ClientForAsync(Roles.AccreditationOfficer);
        (await officer.GetAsync($"/api/v1/guests/{guest.Id}")).EnsureSuccessStatusCode();

        var viewed = Assert.Single(await TrailAsync(guest.Id), e => e.Action == AuditActions.GuestViewed);
        Assert.Equal((SummitFactory.EmailOf(Roles.AccreditationOfficer), app.Clock.GetUtcNow(), (string?)null),
            (viewed.ActorName, viewed.At, viewed.Changes));
    }

    [Fact]
    public async Task Viewing_a_photo_is_recorded()
    {
        var guestId = await app.RegisteredGuestAsync();
        Assert.DoesNotContain(await TrailAsync(guestId), e => e.Action == AuditActions.GuestPhotoViewed);

        using var gate = await app.ClientForAsync(Roles.GateOperator);
        (await gate.GetAsync($"/api/v1/guests/{guestId}/photo")).EnsureSuccessStatusCode();

        var viewed = Assert.Single(await TrailAsync(guestId), e => e.Action == AuditActions.GuestPhotoViewed);
        Assert.Equal(SummitFactory.EmailOf(Roles.GateOperator), viewed.ActorName);
    }

    [Fact]
    public async Task The_passport_never_appears_in_clear_in_the_audit_log()
    {
        var suffix = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] passports = ["K " + suffix[..4] + "-" + suffix[4..], "Q" + suffix];
        var guest = await app.CreateGuestAsync(Intents.NewGuestInput(passport: passports[0]));
        using (var secretariat = await app.ClientForAsync(Roles.Secretariat))
        {
            var input = Intents.NewGuestInput(email: guest.Email, passport: passports[1]);
            (await secretariat.PutAsJsonAsync($"/api/v1/guests/{guest.Id}", input, Intents.Json)).EnsureSuccessStatusCode();
        }

        var token = await app.InviteAsync(guest.Id);
        var form = Intents.RegistrationForm(TestImages.Jpeg(400, 500));
        var registered = await form.Single(c => c.Headers.ContentDisposition?.Name?.Trim('"') == "passportNumber").ReadAsStringAsync();
        (await app.RegisterAsync(token, form)).EnsureSuccessStatusCode();

        var updated = Assert.Single(await TrailAsync(guest.Id), e => e.Action == AuditActions.GuestUpdated);
        var (oldPassport, newPassport) = Change(updated, "passport")!.Value;
        Assert.NotEqual(oldPassport, newPassport);

        var everything = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking().ToListAsync());
        var text = JsonSerializer.Serialize(everything);
        foreach (var passport in passports.Append(registered))
        {
            var digits = new string(passport.Where(char.IsDigit).ToArray());
            Assert.DoesNotContain(digits, text, StringComparison.Ordinal);
            Assert.DoesNotContain(passport, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Exporting_the_guest_list_is_recorded()
    {
        await app.CreateGuestAsync();
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        (await secretariat.GetAsync("/api/v1/guests/export?format=xlsx&country=CN")).EnsureSuccessStatusCode();

        var entries = await AuditAsync($"action={AuditActions.GuestsExported}&actor={Uri.EscapeDataString(SummitFactory.EmailOf(Roles.Secretariat))}");
        var exported = entries.Items[0];
        Assert.Equal((app.Clock.GetUtcNow(), "event", app.EventId.ToString()), (exported.At, exported.EntityType, exported.EntityId));
        Assert.Equal((null, "xlsx"), Change(exported, "format"));
        Assert.Contains("CN", Change(exported, "filter")!.Value.New, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_filters_by_actor_action_and_entity()
    {
        var guest = await app.CreateGuestAsync();
        using (var officer = await app.ClientForAsync(Roles.AccreditationOfficer))
        {
            (await officer.GetAsync($"/api/v1/guests/{guest.Id}")).EnsureSuccessStatusCode();
        }

        using (var admin = await app.ClientForAsync(Roles.Admin))
        {
            (await admin.GetAsync($"/api/v1/guests/{guest.Id}")).EnsureSuccessStatusCode();
        }

        var officerEmail = SummitFactory.EmailOf(Roles.AccreditationOfficer);
        var byActor = await AuditAsync($"actor={Uri.EscapeDataString(officerEmail)}&pageSize=500");
        Assert.NotEmpty(byActor.Items);
        Assert.All(byActor.Items, e => Assert.Equal(officerEmail, e.ActorName));

        var byAction = await AuditAsync($"action={AuditActions.GuestViewed}&pageSize=500");
        Assert.All(byAction.Items, e => Assert.Equal(AuditActions.GuestViewed, e.Action));
        Assert.Equal(2, byAction.Items.Count(e => e.EntityId == guest.Id.ToString()));

        var byEntity = await AuditAsync($"entityType=guest&entityId={guest.Id}&pageSize=500");
        Assert.All(byEntity.Items, e => Assert.Equal(("guest", guest.Id.ToString()), (e.EntityType, e.EntityId)));
        Assert.Equal([AuditActions.GuestCreated, AuditActions.GuestViewed, AuditActions.GuestViewed], byEntity.Items.Select(e => e.Action).Order());

        var all = await AuditAsync($"entityType=guest&entityId={guest.Id}&action={AuditActions.GuestViewed}&actor={Uri.EscapeDataString(officerEmail)}");
        Assert.Equal(1, all.Total);
        Assert.Equal(officerEmail, Assert.Single(all.Items).ActorName);
    }

    private static (string? Old, string? New)? Change(AuditEntry entry, string field)
    {
        if (entry.Changes is null)
        {
            return null;
        }

        using var changes = JsonDocument.Parse(entry.Changes);
        return changes.RootElement.TryGetProperty(field, out var change)
            ? (change.GetProperty("old").GetString(), change.GetProperty("new").GetString())
            : null;
    }

    private async Task<List<AuditEntry>> TrailAsync(Guid guestId) =>
        [.. (await AuditAsync($"entityType=guest&entityId={guestId}&pageSize=500")).Items];

    private async Task<PagedResult<AuditEntry>> AuditAsync(string query)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var response = await admin.GetAsync("/api/v1/audit?" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PagedResult<AuditEntry>>(Intents.Json))!;
    }

    private Task<string> UserIdAsync(string role) =>
        app.InScopeAsync(async sp => (await sp.GetRequiredService<UserManager<SummitUser>>().FindByEmailAsync(SummitFactory.EmailOf(role)))!.Id);
}
