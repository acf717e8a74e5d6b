using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> e)
    {
        e.Property(x => x.Scanner).HasMaxLength(64);
        e.HasIndex(x => new { x.Scanner, x.Nonce }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.ScannedAt });
        e.HasIndex(x => new { x.GateId, x.ScannedAt });
        e.HasIndex(x => new { x.CredentialId, x.Zone, x.ScannedAt });
        e.HasIndex(x => new { x.GuestId, x.ScannedAt });
    }
}
