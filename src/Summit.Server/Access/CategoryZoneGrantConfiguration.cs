using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class CategoryZoneGrantConfiguration : IEntityTypeConfiguration<CategoryZoneGrant>
{
    public void Configure(EntityTypeBuilder<CategoryZoneGrant> e)
    {
        e.HasIndex(x => new { x.CategoryId, x.ZoneId });
        e.HasIndex(x => x.EventId);
        e.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
