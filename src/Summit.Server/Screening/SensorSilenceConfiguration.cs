using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Screening;

internal sealed class SensorSilenceConfiguration : IEntityTypeConfiguration<SensorSilence>
{
    public void Configure(EntityTypeBuilder<SensorSilence> e)
    {
        e.ToTable("SensorSilences");
        e.HasIndex(x => new { x.SensorId, x.EndedAt });
        e.HasIndex(x => x.EventId);
    }
}
