using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Infrastructure.Audit;

namespace Summit.Server.Infrastructure.Database;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.EntityType).HasMaxLength(64);
        e.Property(x => x.EntityId).HasMaxLength(64);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => new { x.ActorName, x.At });
        // An erasure finds the entries a guest made in the portal by their actor id.
        e.HasIndex(x => x.ActorId);
    }
}
