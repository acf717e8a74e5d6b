using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Screening;

internal sealed class ScreeningHoldConfiguration : IEntityTypeConfiguration<ScreeningHold>
{
    public void Configure(EntityTypeBuilder<ScreeningHold> e)
    {
        e.ToTable("ScreeningHolds");
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasIndex(x => new { x.GateId, x.Status });
        e.HasIndex(x => x.RaisedAt);
    }
}
