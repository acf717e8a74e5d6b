using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class PersonalZoneGrantConfiguration : IEntityTypeConfiguration<PersonalZoneGrant>
{
    public void Configure(EntityTypeBuilder<PersonalZoneGrant> e)
    {
        e.Property(x => x.Reason).HasMaxLength(500);
        e.HasIndex(x => x.GuestId);
        e.HasIndex(x => x.EventId);
        e.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
