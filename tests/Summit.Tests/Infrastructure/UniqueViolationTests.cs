using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Programme;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// Services that let a unique index decide between two simultaneous writers answer "someone else was first" only for that: a release
/// refused on PostgreSQL for a time with an offset once came back as "version 1 was released by someone else a moment ago".
/// </summary>
public sealed class UniqueViolationTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_lost_race_on_a_unique_index_is_told_apart_from_any_other_refused_write()
    {
        var number = 1_000 + Random.Shared.Next(1_000_000);
        await SaveAsync(Release(number));

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Release(number)));
        Assert.True(duplicate.IsUniqueViolation(), duplicate.InnerException?.Message);

        // A column's own refusal (NOT NULL) is no race, though the database refuses it as a constraint too.
        var refused = Release(number + 1);
        refused.ReleasedBy = null!;
        var notNull = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(refused));
        Assert.False(notNull.IsUniqueViolation(), notNull.InnerException?.Message);
    }

    private ProgrammeRelease Release(int number) => new()
    {
        EventId = app.EventId,
        Number = number,
        ReleasedAt = app.Clock.GetUtcNow(),
        ReleasedBy = "Unique violation test",
        Snapshot = "{}",
    };

    private Task SaveAsync(ProgrammeRelease release) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        db.Set<ProgrammeRelease>().Add(release);
        await db.SaveChangesAsync();
    });
}
