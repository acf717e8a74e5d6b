using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Faces;

internal sealed class FaceLaneConfiguration : IEntityTypeConfiguration<FaceLane>
{
    public void Configure(EntityTypeBuilder<FaceLane> e)
    {
        e.ToTable("FaceLanes");
        e.HasKey(x => x.GateId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
