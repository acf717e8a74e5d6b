using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class EntryConflictConfiguration : IEntityTypeConfiguration<EntryConflict>
{
    public void Configure(EntityTypeBuilder<EntryConflict> e)
    {
        e.Property(x => x.ResolvedBy).HasMaxLength(256);
        e.Property(x => x.Resolution).HasMaxLength(500);
        e.HasIndex(x => new { x.EventId, x.ResolvedAt });
        e.HasIndex(x => new { x.FirstScanId, x.SecondScanId }).IsUnique();
    }
}
