using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Venues;

internal sealed class BookingEquipmentConfiguration : IEntityTypeConfiguration<BookingEquipment>
{
    public void Configure(EntityTypeBuilder<BookingEquipment> e)
    {
        e.ToTable("RoomBookingEquipment");
        e.HasOne<EquipmentItem>().WithMany().HasForeignKey(x => x.EquipmentItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.BookingId, x.EquipmentItemId }).IsUnique();
    }
}
