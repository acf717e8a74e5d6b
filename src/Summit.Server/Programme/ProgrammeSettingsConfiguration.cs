using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

internal sealed class ProgrammeSettingsConfiguration : IEntityTypeConfiguration<ProgrammeSettings>
{
    public void Configure(EntityTypeBuilder<ProgrammeSettings> e)
    {
        e.ToTable("ProgrammeSettings");
        e.HasKey(x => x.EventId);
        e.Property(x => x.RequiredLanguages).HasMaxLength(ProgrammeLimits.ChannelsLength);
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<ProgrammeSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Rules).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.TravelTimes).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
