using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.HasIndex(x => new { x.EventId, x.Name }).IsUnique();
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
