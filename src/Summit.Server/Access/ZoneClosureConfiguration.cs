using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Events;

namespace Summit.Server.Access;

internal sealed class ZoneClosureConfiguration : IEntityTypeConfiguration<ZoneClosure>
{
    public void Configure(EntityTypeBuilder<ZoneClosure> e)
    {
        e.ToTable("ZoneClosures");
        e.Property(x => x.Reason).HasMaxLength(ZoneClosureLimits.ReasonLength);
        e.Property(x => x.Owner).HasMaxLength(ZoneClosureLimits.OwnerLength);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.Owner }).IsUnique();
        e.HasIndex(x => new { x.ZoneId, x.From });
    }
}
