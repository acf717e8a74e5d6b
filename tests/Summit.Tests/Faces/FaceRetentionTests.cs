using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Faces;
using Summit.Server.Faces.Retention;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>
/// Templates are purged after the event by the event's face retention, by a job on the clock: the test event ends on 28 September
/// 2021 in Wuzhen (UTC+8), and the default keeps templates one day after it.
/// </summary>
public sealed class FaceRetentionTests : IAsyncLifetime
{
    private readonly SummitFactory _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Templates_stay_through_the_retention_period_and_are_purged_by_the_job_when_it_ends()
    {
        var guestId = await _app.CreateGuestAsync();
        await StoreTemplateAsync(guestId.Id);
        var job = _app.Services.GetRequiredService<FaceRetentionJob>();

        // 23:59 on 29 September in Wuzhen: the day after the event's last day is still within the one day kept.
        _app.Clock.SetUtcNow(new DateTimeOffset(2021, 9, 29, 15, 59, 0, TimeSpan.Zero));
        var early = await job.CheckAsync(CancellationToken.None);
        _app.Clock.SetUtcNow(new DateTimeOffset(2021, 9, 29, 16, 0, 0, TimeSpan.Zero));
        var due = await job.CheckAsync(CancellationToken.None);

        Assert.Equal(0, early);
        Assert.Equal(1, due);
        Assert.Null(await _app.StoredEnrolmentAsync(guestId.Id));
        Assert.Contains(FacesAudit.TemplatesPurged, await _app.AuditActionsOfAsync("event", _app.EventId));
    }

    [Fact]
    public void The_purge_is_due_at_the_start_of_the_day_after_the_retention_in_the_events_zone()
    {
        var summitEvent = new Summit.Server.Events.Contracts.EventFacts(Guid.NewGuid(), "E", "E", new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 28),
            "Asia/Shanghai", []);

        Assert.Equal(new DateTimeOffset(2021, 9, 28, 16, 0, 0, TimeSpan.Zero), FaceRetentionService.DueAt(summitEvent, 0));
        Assert.Equal(new DateTimeOffset(2021, 10, 5, 16, 0, 0, TimeSpan.Zero), FaceRetentionService.DueAt(summitEvent, 7));
    }

    private Task StoreTemplateAsync(Guid guestId) => _app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        db.Set<FaceEnrolment>().Add(new FaceEnrolment
        {
            GuestId = guestId,
            EventId = _app.EventId,
            State = FaceEnrolmentState.Enrolled,
            Source = FaceEnrolmentSource.DeskPhoto,
            EncryptedTemplate = sp.GetRequiredService<FieldProtector>().Protect(new byte[512]),
            UpdatedAt = _app.Clock.GetUtcNow(),
            UpdatedBy = "test",
        });
        await db.SaveChangesAsync();
    });
}
