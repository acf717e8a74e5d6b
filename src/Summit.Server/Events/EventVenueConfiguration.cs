using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Events;

internal sealed class EventVenueConfiguration : IEntityTypeConfiguration<EventVenue>
{
    public void Configure(EntityTypeBuilder<EventVenue> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.NameZh).HasMaxLength(200);
    }
}
