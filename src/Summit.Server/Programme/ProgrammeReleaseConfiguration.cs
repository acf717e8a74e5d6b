using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

/// <summary>The released versions: one number per event at most, so that two simultaneous releases cannot both be version N.</summary>
internal sealed class ProgrammeReleaseConfiguration : IEntityTypeConfiguration<ProgrammeRelease>
{
    public void Configure(EntityTypeBuilder<ProgrammeRelease> e)
    {
        e.ToTable("ProgrammeReleases");
        e.Property(x => x.ReleasedBy).HasMaxLength(ProgrammeLimits.NameLength);
        e.Property(x => x.ReleasedByUserId).HasMaxLength(450);
        e.Property(x => x.Comment).HasMaxLength(ProgrammeLimits.CommentLength);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
    }
}
