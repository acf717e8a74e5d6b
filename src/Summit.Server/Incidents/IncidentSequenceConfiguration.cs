using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Incidents;

internal sealed class IncidentSequenceConfiguration : IEntityTypeConfiguration<IncidentSequence>
{
    public void Configure(EntityTypeBuilder<IncidentSequence> e)
    {
        e.HasKey(x => x.EventId);
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<IncidentSequence>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
