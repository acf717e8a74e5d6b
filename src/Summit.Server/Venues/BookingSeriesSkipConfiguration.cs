using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Venues;

internal sealed class BookingSeriesSkipConfiguration : IEntityTypeConfiguration<BookingSeriesSkip>
{
    public void Configure(EntityTypeBuilder<BookingSeriesSkip> e)
    {
        e.ToTable("RoomBookingSeriesSkips");
        e.HasKey(x => new { x.SeriesId, x.Date });
        e.Property(x => x.Conflicts).HasMaxLength(VenueLimits.ReasonLength);
    }
}
