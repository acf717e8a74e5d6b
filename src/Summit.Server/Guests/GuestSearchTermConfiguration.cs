using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

internal sealed class GuestSearchTermConfiguration : IEntityTypeConfiguration<GuestSearchTerm>
{
    public void Configure(EntityTypeBuilder<GuestSearchTerm> e)
    {
        // The key begins with the term, so a prefix search is a range scan of the primary key.
        e.HasKey(x => new { x.Term, x.GuestId });
        e.Property(x => x.Term).HasMaxLength(GuestSearch.MaxTermLength);
        e.HasIndex(x => x.GuestId);
        e.HasOne<Guest>().WithMany().HasForeignKey(x => x.GuestId).OnDelete(DeleteBehavior.Cascade);
    }
}
