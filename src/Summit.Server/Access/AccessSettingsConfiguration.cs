using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;
using Summit.Server.Events;

namespace Summit.Server.Access;

internal sealed class AccessSettingsConfiguration : IEntityTypeConfiguration<AccessSettings>
{
    public void Configure(EntityTypeBuilder<AccessSettings> e)
    {
        e.HasKey(x => x.EventId);
        e.HasIndex(x => x.EventNumber).IsUnique();
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<AccessSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
