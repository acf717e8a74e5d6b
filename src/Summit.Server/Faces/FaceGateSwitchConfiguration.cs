using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Faces;

internal sealed class FaceGateSwitchConfiguration : IEntityTypeConfiguration<FaceGateSwitch>
{
    public void Configure(EntityTypeBuilder<FaceGateSwitch> e)
    {
        e.ToTable("FaceGatesOff");
        e.HasKey(x => x.GateId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
