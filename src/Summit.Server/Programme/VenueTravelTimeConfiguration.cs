using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Programme;

/// <summary>The venue ids name the venues module's venues without a foreign key (the programme reads them through its contract).</summary>
internal sealed class VenueTravelTimeConfiguration : IEntityTypeConfiguration<VenueTravelTime>
{
    public void Configure(EntityTypeBuilder<VenueTravelTime> e)
    {
        e.ToTable("ProgrammeTravelTimes");
        e.HasKey(x => new { x.EventId, x.FirstVenueId, x.SecondVenueId });
    }
}
