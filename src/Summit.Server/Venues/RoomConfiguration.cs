using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Venues;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> e)
    {
        e.ToTable("Rooms");
        e.Property(x => x.Code).HasMaxLength(VenueLimits.CodeLength);
        e.Property(x => x.NameEn).HasMaxLength(VenueLimits.NameLength);
        e.Property(x => x.NameZh).HasMaxLength(VenueLimits.NameLength);
        e.Property(x => x.Building).HasMaxLength(VenueLimits.BuildingLength);
        e.Property(x => x.Floor).HasMaxLength(VenueLimits.FloorLength);
        e.Property(x => x.Features).HasMaxLength(VenueLimits.FeaturesLength);
        e.Property(x => x.AccessibilityNote).HasMaxLength(VenueLimits.NoteLength);
        e.Property(x => x.CalendarTokenHash).HasMaxLength(64);
        e.Property(x => x.CrewEmail).HasMaxLength(VenueLimits.EmailLength);
        e.HasOne<Venue>().WithMany().HasForeignKey(x => x.VenueId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.VenueId, x.Code }).IsUnique();
    }
}
