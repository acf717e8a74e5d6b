using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Incidents;

internal sealed class IncidentEvidenceConfiguration : IEntityTypeConfiguration<IncidentEvidenceLink>
{
    public void Configure(EntityTypeBuilder<IncidentEvidenceLink> e)
    {
        e.ToTable("IncidentEvidence");
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Reference).HasMaxLength(100);
        e.Property(x => x.SummaryEn).HasMaxLength(500);
        e.Property(x => x.SummaryZh).HasMaxLength(500);
        e.HasIndex(x => new { x.Kind, x.Reference });
    }
}
