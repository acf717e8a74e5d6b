using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Privacy;

internal sealed class PurgeRunConfiguration : IEntityTypeConfiguration<PurgeRun>
{
    public void Configure(EntityTypeBuilder<PurgeRun> e)
    {
        e.ToTable("PurgeRuns");
        e.Property(x => x.Node).HasMaxLength(200);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Error).HasMaxLength(2000);
        // The claim: at most one unfinished purge per event.
        e.HasIndex(x => x.EventId).IsUnique().HasFilter("\"FinishedAt\" IS NULL").HasDatabaseName("IX_PurgeRuns_Running");
        e.HasIndex(x => new { x.EventId, x.StartedAt });
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
