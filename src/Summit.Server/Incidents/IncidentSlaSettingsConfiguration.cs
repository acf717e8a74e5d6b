using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Incidents;

internal sealed class IncidentSlaSettingsConfiguration : IEntityTypeConfiguration<IncidentSlaSettings>
{
    public void Configure(EntityTypeBuilder<IncidentSlaSettings> e)
    {
        e.ToTable("IncidentSlaSettings");
        e.HasKey(x => x.EventId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
