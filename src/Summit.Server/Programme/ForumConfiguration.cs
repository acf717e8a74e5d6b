using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

internal sealed class ForumConfiguration : IEntityTypeConfiguration<Forum>
{
    public void Configure(EntityTypeBuilder<Forum> e)
    {
        e.ToTable("ProgrammeForums");
        e.Property(x => x.TitleEn).HasMaxLength(ProgrammeLimits.TitleLength);
        e.Property(x => x.TitleZh).HasMaxLength(ProgrammeLimits.TitleLength);
        e.Property(x => x.Partner).HasMaxLength(ProgrammeLimits.NameLength);
        e.Property(x => x.Sector).HasMaxLength(ProgrammeLimits.NameLength);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.TitleEn }).IsUnique();
    }
}
