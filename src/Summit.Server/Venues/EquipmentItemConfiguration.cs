using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Venues;

internal sealed class EquipmentItemConfiguration : IEntityTypeConfiguration<EquipmentItem>
{
    public void Configure(EntityTypeBuilder<EquipmentItem> e)
    {
        e.ToTable("VenueEquipment");
        e.Property(x => x.NameEn).HasMaxLength(VenueLimits.NameLength);
        e.Property(x => x.NameZh).HasMaxLength(VenueLimits.NameLength);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.NameEn }).IsUnique();
    }
}
