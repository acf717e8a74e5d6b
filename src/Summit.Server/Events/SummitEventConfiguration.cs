using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Events;

// The tables of the Events module.
internal sealed class SummitEventConfiguration : IEntityTypeConfiguration<SummitEvent>
{
    public void Configure(EntityTypeBuilder<SummitEvent> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.NameZh).HasMaxLength(200);
        e.Property(x => x.TimeZoneId).HasMaxLength(64);
        e.HasMany(x => x.Venues).WithOne().HasForeignKey(v => v.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
