using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class GateDeviceConfiguration : IEntityTypeConfiguration<GateDevice>
{
    public void Configure(EntityTypeBuilder<GateDevice> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.TokenPrefix).HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
        e.Property(x => x.LastSeenAddress).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.GateId);
        e.HasOne<AccessGate>().WithMany().HasForeignKey(x => x.GateId).OnDelete(DeleteBehavior.Restrict);
    }
}
