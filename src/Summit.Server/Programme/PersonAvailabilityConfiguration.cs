using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Programme;

internal sealed class PersonAvailabilityConfiguration : IEntityTypeConfiguration<PersonAvailability>
{
    public void Configure(EntityTypeBuilder<PersonAvailability> e)
    {
        e.ToTable("ProgrammeAvailability");
        e.HasIndex(x => x.PersonId);
    }
}
