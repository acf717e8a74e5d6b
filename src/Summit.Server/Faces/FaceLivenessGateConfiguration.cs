using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Faces;

internal sealed class FaceLivenessGateConfiguration : IEntityTypeConfiguration<FaceLivenessGate>
{
    public void Configure(EntityTypeBuilder<FaceLivenessGate> e)
    {
        e.ToTable("FaceLivenessGates");
        e.HasKey(x => x.GateId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
