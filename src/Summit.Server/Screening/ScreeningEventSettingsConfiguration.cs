using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Screening;

internal sealed class ScreeningEventSettingsConfiguration : IEntityTypeConfiguration<ScreeningEventSettings>
{
    public void Configure(EntityTypeBuilder<ScreeningEventSettings> e)
    {
        e.ToTable("ScreeningSettings");
        e.HasKey(x => x.EventId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
