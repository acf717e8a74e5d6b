using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Venues;

internal sealed class RoomBlockingConfiguration : IEntityTypeConfiguration<RoomBlocking>
{
    public void Configure(EntityTypeBuilder<RoomBlocking> e)
    {
        e.ToTable("RoomBlockings");
        e.Property(x => x.Reason).HasMaxLength(VenueLimits.ReasonLength);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoomId, x.From });
    }
}
