using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Screening;

internal sealed class SensorRefusalCountConfiguration : IEntityTypeConfiguration<SensorRefusalCount>
{
    public void Configure(EntityTypeBuilder<SensorRefusalCount> e)
    {
        e.ToTable("SensorRefusalCounts");
        e.Property(x => x.SensorKey).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(32);
        e.Property(x => x.LastDetail).HasMaxLength(300);
        e.HasIndex(x => new { x.SensorKey, x.Reason, x.Minute }).IsUnique();
        e.HasIndex(x => x.Minute);
    }
}
