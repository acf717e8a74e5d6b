using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Incidents;

internal sealed class IncidentTimelineConfiguration : IEntityTypeConfiguration<IncidentTimelineEntry>
{
    public void Configure(EntityTypeBuilder<IncidentTimelineEntry> e)
    {
        e.ToTable("IncidentTimeline");
        e.Property(x => x.ActorName).HasMaxLength(256);
        e.Property(x => x.Text).HasMaxLength(IncidentLimits.Description);
        e.HasIndex(x => new { x.IncidentId, x.At });
    }
}
