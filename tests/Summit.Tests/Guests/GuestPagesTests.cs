using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Tests.Infrastructure;
using GuestPageText = Summit.Server.Guests.Pages.GuestPageText;

namespace Summit.Tests.Guests;

/// <summary>The services behind the staff pages (detail, edit, approvals), called the way the pages call them.</summary>
public class GuestPagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_home_page_shows_the_guests_per_status_through_the_guests_section_to_those_who_read_guests_only()
    {
        var html = await app.PageAsync(Roles.Secretariat, "/");
        Assert.All(Enum.GetValues<GuestStatus>(), status =>
            Assert.Contains($"href=\"/guests?status={status}\"", html, StringComparison.Ordinal));

        Assert.DoesNotContain("data-testid=\"count-", await app.PageAsync(Roles.GateOperator, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_approval_queue_is_the_registered_guests_narrowed_by_the_page_filters()
    {
        var tag = "queue" + Guid.NewGuid().ToString("N")[..10];
        GuestInput Input(string country = "KZ", string category = "VIP")
        {
            var input = Intents.NewGuestInput(category: category);
            input.Organisation = $"{tag} Institute";
            input.Country = country;
            input.Delegation = app.Delegation.Name;
            return input;
        }

        var expected = await RegisteredAsync(Input());
        await app.CreateGuestAsync(Input());
        await RegisteredAsync(Input(country: "FR"));
        await RegisteredAsync(Input(category: "Delegate"));

        var queue = await QueueAsync(new GuestFilter
        {
            Status = GuestStatus.Registered,
            Search = tag,
            CategoryId = app.Categories["VIP"].Id,
            DelegationId = app.Delegation.Id,
            Country = "KZ",
        });
        Assert.Equal(expected.Id, Assert.Single(queue).Id);

        var everyRegistered = await QueueAsync(new GuestFilter { Status = GuestStatus.Registered, Search = tag });
        Assert.Equal(3, everyRegistered.Count);
        Assert.All(everyRegistered, row => Assert.Equal(GuestStatus.Registered, row.Status));
    }

    [Fact]
    public async Task A_queue_row_carries_the_stamp_so_a_rejection_from_a_stale_row_is_refused()
    {
        var guest = await RegisteredAsync(Intents.NewGuestInput());
        var row = Assert.Single(await QueueAsync(new GuestFilter { Status = GuestStatus.Registered, Search = guest.Email }));
        Assert.Equal(guest.ConcurrencyStamp, row.ConcurrencyStamp);

        // Another officer changes the guest after this queue was loaded.
        await app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().SetCategoryAsync(guest.Id, app.Categories["Speaker"].Id));
        var refused = await Assert.ThrowsAsync<SummitException>(() => app.InScopeAsync(sp =>
            sp.GetRequiredService<GuestService>().ChangeStatusAsync(guest.Id, GuestStatus.Rejected, "No passport copy", null, row.ConcurrencyStamp)));
        Assert.Equal(ErrorCodes.ConcurrentChange, refused.Error.Code);

        var fresh = Assert.Single(await QueueAsync(new GuestFilter { Status = GuestStatus.Registered, Search = guest.Email }));
        var rejected = await app.InScopeAsync(sp =>
            sp.GetRequiredService<GuestService>().ChangeStatusAsync(guest.Id, GuestStatus.Rejected, " No passport copy ", null, fresh.ConcurrencyStamp));
        Assert.Equal(GuestStatus.Rejected, rejected.Status);
        Assert.Equal("No passport copy", rejected.StatusReason);
    }

    [Fact]
    public async Task Saving_the_edit_form_unchanged_changes_nothing_and_keeps_the_passport()
    {
        var created = await app.CreateGuestAsync(WithEverything(Intents.NewGuestInput(passport: "E" + Random.Shared.Next(10_000_000, 99_999_999))));

        var saved = await app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().UpdateAsync(created.Id, GuestPageText.ToInput(created), created.ConcurrencyStamp));

        Assert.Equal(created with { UpdatedAt = saved.UpdatedAt, ConcurrencyStamp = saved.ConcurrencyStamp }, saved with { NextStatuses = created.NextStatuses });
        Assert.NotNull(saved.PassportMasked);
        var entries = await HistoryAsync(created.Id);
        Assert.Null(entries.First(e => e.Action == AuditActions.GuestUpdated).Changes);
    }

    [Fact]
    public async Task The_passport_remove_box_sends_an_empty_number_which_removes_it()
    {
        var created = await app.CreateGuestAsync(Intents.NewGuestInput(passport: "E" + Random.Shared.Next(10_000_000, 99_999_999)));
        var input = GuestPageText.ToInput(created);
        input.PassportNumber = "";

        var saved = await app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().UpdateAsync(created.Id, input, created.ConcurrencyStamp));

        Assert.Null(saved.PassportMasked);
    }

    [Fact]
    public async Task The_history_lists_this_guests_entries_newest_first_in_the_readers_words()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var guest = await RegisteredAsync(Intents.NewGuestInput());
        await app.CreateGuestAsync();
        await app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().GetDetailAsync(guest.Id, auditRead: true));

        var entries = await HistoryAsync(guest.Id);

        Assert.Equal([AuditActions.GuestViewed, AuditActions.GuestStatusChanged, AuditActions.GuestCreated], entries.Select(e => e.Action));
        var localizer = new Localizer();
        var categories = app.Categories.Values.ToDictionary(c => c.Id, c => c.Code);
        var statusChange = GuestPageText.Changes(localizer, entries[1].Changes, categories, new Dictionary<Guid, string>(), TimeZoneInfo.Utc);
        Assert.Equal(["Status: Invited → Registered"], statusChange);
        var creation = GuestPageText.Changes(localizer, entries[2].Changes, categories, new Dictionary<Guid, string>(), TimeZoneInfo.Utc);
        Assert.Contains("Category: — → Delegate", creation);
        Assert.Contains("Country or region: — → China", creation);
        Assert.Contains("Organisation type: — → University", creation);
        Assert.Equal("Detail viewed", GuestPageText.ActionLabel(localizer, entries[0].Action));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        Assert.Equal(["状态: 已邀请 → 已注册"], GuestPageText.Changes(localizer, entries[1].Changes, categories, new Dictionary<Guid, string>(), TimeZoneInfo.Utc));
    }

    [Fact]
    public async Task A_duplicate_email_is_shown_on_the_email_field()
    {
        var first = await app.CreateGuestAsync();
        var copy = Intents.NewGuestInput(email: first.Email.ToUpperInvariant());

        var refused = await Assert.ThrowsAsync<SummitException>(() => app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().CreateAsync(copy)));

        var problems = GuestPageText.GuestFormProblems(refused, new Localizer());
        Assert.Equal(["email"], problems.Keys);
    }

    [Fact]
    public async Task Field_problems_are_keyed_by_the_form_field_names()
    {
        var input = Intents.NewGuestInput();
        input.FamilyName = "";
        input.Email = "not-an-email";

        var refused = await Assert.ThrowsAsync<SummitException>(() => app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().CreateAsync(input)));

        var problems = GuestPageText.GuestFormProblems(refused, new Localizer());
        Assert.Equal(["email", "familyName"], problems.Keys.Order());
    }

    private GuestInput WithEverything(GuestInput input)
    {
        input.Title = "Prof.";
        input.Gender = "Female";
        input.Position = "Dean";
        input.Phone = "+86 571 8797 0000";
        input.Delegation = app.Delegation.Name;
        return input;
    }

    private async Task<GuestDetail> RegisteredAsync(GuestInput input)
    {
        var guest = await app.CreateGuestAsync(input);
        return await app.InScopeAsync(sp => sp.GetRequiredService<GuestService>().ChangeStatusAsync(guest.Id, GuestStatus.Registered, null));
    }

    private Task<IReadOnlyList<GuestListItem>> QueueAsync(GuestFilter filter) => app.InScopeAsync(async sp =>
        (await sp.GetRequiredService<GuestQueries>().ListAsync(app.EventId, filter)).Items);

    private Task<IReadOnlyList<AuditEntry>> HistoryAsync(Guid guestId) => app.InScopeAsync(async sp =>
        (await sp.GetRequiredService<AuditQueries>().ListAsync(new AuditFilter(
            Actor: null, Action: null, EntityType: "guest", EntityId: guestId.ToString(), From: null, To: null, Page: 1, PageSize: 50))).Items);
}
