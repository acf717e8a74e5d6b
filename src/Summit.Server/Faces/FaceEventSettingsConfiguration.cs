using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Faces;

internal sealed class FaceEventSettingsConfiguration : IEntityTypeConfiguration<FaceEventSettings>
{
    public void Configure(EntityTypeBuilder<FaceEventSettings> e)
    {
        e.ToTable("FaceSettings");
        e.HasKey(x => x.EventId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
