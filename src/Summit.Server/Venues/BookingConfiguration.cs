using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Venues;

/// <summary>
/// The bookings table. Its no-overlap guarantee for confirmed bookings is not part of the model: the migration VenueResources writes it
/// in each provider's own terms (an exclusion constraint on PostgreSQL, triggers on SQLite; docs/adr/0027).
/// </summary>
internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> e)
    {
        e.ToTable("RoomBookings");
        e.Property(x => x.StartsAt);
        e.Property(x => x.EndsAt);
        e.Property(x => x.SetupMinutes);
        e.Property(x => x.TeardownMinutes);
        e.Property(x => x.BlockedFrom);
        e.Property(x => x.BlockedUntil);
        e.Property(x => x.Title).HasMaxLength(VenueLimits.TitleLength);
        e.Property(x => x.HolderName).HasMaxLength(VenueLimits.HolderNameLength);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.CreatedByUserId).HasMaxLength(450);
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.Reason).HasMaxLength(VenueLimits.ReasonLength);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Equipment).WithOne().HasForeignKey(x => x.BookingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoomId, x.State, x.BlockedFrom });
        e.HasIndex(x => new { x.EventId, x.BlockedFrom });
        // The booking check reads the confirmed bookings near a time in every room (BookingService.FactsAsync): with both ends in the index,
        // the periods are compared on the index alone and only the bookings that touch the time are read (docs/benchmarks.md, venue check).
        e.HasIndex(x => new { x.EventId, x.State, x.BlockedFrom, x.BlockedUntil });
        // SeriesId names its series without a foreign key: on SQLite adding one would rebuild this table and drop the no-overlap triggers.
        e.HasIndex(x => new { x.SeriesId, x.StartsAt });
    }
}
