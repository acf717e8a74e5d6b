using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Venues;

internal sealed class RoomPhotoConfiguration : IEntityTypeConfiguration<RoomPhoto>
{
    public void Configure(EntityTypeBuilder<RoomPhoto> e)
    {
        e.ToTable("RoomPhotos");
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.RoomId, x.UploadedAt });
    }
}
