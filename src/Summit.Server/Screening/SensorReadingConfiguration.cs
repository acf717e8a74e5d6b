using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Screening;

internal sealed class SensorReadingConfiguration : IEntityTypeConfiguration<SensorReading>
{
    public void Configure(EntityTypeBuilder<SensorReading> e)
    {
        e.ToTable("SensorReadings");
        e.HasIndex(x => new { x.SensorId, x.ReceivedAt });
        e.HasIndex(x => x.ReceivedAt);
    }
}
