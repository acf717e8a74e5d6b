using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;
using Summit.Server.Events;

namespace Summit.Server.Access;

internal sealed class AccessGateConfiguration : IEntityTypeConfiguration<AccessGate>
{
    public void Configure(EntityTypeBuilder<AccessGate> e)
    {
        e.ToTable("Gates");
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        e.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
