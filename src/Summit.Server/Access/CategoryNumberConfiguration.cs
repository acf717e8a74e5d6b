using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

internal sealed class CategoryNumberConfiguration : IEntityTypeConfiguration<CategoryNumber>
{
    public void Configure(EntityTypeBuilder<CategoryNumber> e)
    {
        e.HasKey(x => x.CategoryId);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
    }
}
