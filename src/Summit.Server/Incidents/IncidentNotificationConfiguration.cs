using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Incidents;

internal sealed class IncidentNotificationConfiguration : IEntityTypeConfiguration<IncidentNotification>
{
    public void Configure(EntityTypeBuilder<IncidentNotification> e)
    {
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.TitleEn).HasMaxLength(IncidentLimits.Title);
        e.Property(x => x.TitleZh).HasMaxLength(IncidentLimits.Title);
        e.HasIndex(x => new { x.UserId, x.ReadAt });
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
