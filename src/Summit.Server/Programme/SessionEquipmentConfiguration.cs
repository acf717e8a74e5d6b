using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Programme;

internal sealed class SessionEquipmentConfiguration : IEntityTypeConfiguration<SessionEquipment>
{
    public void Configure(EntityTypeBuilder<SessionEquipment> e)
    {
        e.ToTable("ProgrammeSessionEquipment");
        e.HasKey(x => new { x.SessionId, x.ItemId });
    }
}
