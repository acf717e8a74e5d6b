using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class ZonePresenceConfiguration : IEntityTypeConfiguration<ZonePresence>
{
    public void Configure(EntityTypeBuilder<ZonePresence> e)
    {
        e.ToTable("ZonePresence");
        e.HasKey(x => new { x.CredentialId, x.Zone });
        e.HasIndex(x => new { x.EventId, x.Zone, x.Inside });
        e.HasIndex(x => x.GuestId);
    }
}
