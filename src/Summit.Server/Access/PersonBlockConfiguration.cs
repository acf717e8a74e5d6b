using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class PersonBlockConfiguration : IEntityTypeConfiguration<PersonBlock>
{
    public void Configure(EntityTypeBuilder<PersonBlock> e)
    {
        e.HasKey(x => x.GuestId);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.BlockedBy).HasMaxLength(256);
        e.HasIndex(x => x.EventId);
    }
}
