using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<AccreditationCategory>
{
    public void Configure(EntityTypeBuilder<AccreditationCategory> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.Property(x => x.Colour).HasMaxLength(7);
        e.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
