using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

internal sealed class GuestPhotoConfiguration : IEntityTypeConfiguration<GuestPhoto>
{
    public void Configure(EntityTypeBuilder<GuestPhoto> e)
    {
        e.HasKey(x => x.GuestId);
        e.HasOne<Guest>().WithOne().HasForeignKey<GuestPhoto>(x => x.GuestId).OnDelete(DeleteBehavior.Cascade);
    }
}
