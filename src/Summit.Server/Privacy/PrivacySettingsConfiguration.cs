using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Privacy;

internal sealed class PrivacySettingsConfiguration : IEntityTypeConfiguration<PrivacySettings>
{
    public void Configure(EntityTypeBuilder<PrivacySettings> e)
    {
        e.HasKey(x => x.EventId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<PrivacySettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
