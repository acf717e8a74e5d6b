using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

/// <summary>At most one feed per guest of an event.</summary>
internal sealed class AgendaFeedConfiguration : IEntityTypeConfiguration<AgendaFeed>
{
    public void Configure(EntityTypeBuilder<AgendaFeed> e)
    {
        e.ToTable("ProgrammeAgendaFeeds");
        e.Property(x => x.KeyHash).HasMaxLength(64);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.GuestId }).IsUnique();
    }
}
