using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Incidents;

internal sealed class IncidentPeriodConfiguration : IEntityTypeConfiguration<IncidentPeriod>
{
    public void Configure(EntityTypeBuilder<IncidentPeriod> e)
    {
        e.ToTable("IncidentPeriods");
        e.HasIndex(x => new { x.IncidentId, x.Number }).IsUnique();
    }
}
