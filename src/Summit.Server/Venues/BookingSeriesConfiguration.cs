using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Venues;

internal sealed class BookingSeriesConfiguration : IEntityTypeConfiguration<BookingSeries>
{
    public void Configure(EntityTypeBuilder<BookingSeries> e)
    {
        e.ToTable("RoomBookingSeries");
        e.Property(x => x.Title).HasMaxLength(VenueLimits.TitleLength);
        e.Property(x => x.HolderName).HasMaxLength(VenueLimits.HolderNameLength);
        e.Property(x => x.Equipment).HasMaxLength(8_000);
        e.Property(x => x.TimeZoneId).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Skipped).WithOne().HasForeignKey(x => x.SeriesId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.RoomId });
    }
}
