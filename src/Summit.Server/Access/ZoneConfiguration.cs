using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;
using Summit.Server.Events;

namespace Summit.Server.Access;

// The tables of the Access module. Guests and categories are referenced by id only: the Guests module owns them.
internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> e)
    {
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.Property(x => x.Venue).HasMaxLength(200);
        e.Ignore(x => x.Plan);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
