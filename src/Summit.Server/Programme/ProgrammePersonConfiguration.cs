using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

/// <summary>GuestId names the guest without a foreign key: the programme knows guests only through the guests module's contract.</summary>
internal sealed class ProgrammePersonConfiguration : IEntityTypeConfiguration<ProgrammePerson>
{
    public void Configure(EntityTypeBuilder<ProgrammePerson> e)
    {
        e.ToTable("ProgrammePeople");
        e.Property(x => x.Name).HasMaxLength(ProgrammeLimits.NameLength);
        e.Property(x => x.Organisation).HasMaxLength(ProgrammeLimits.NameLength);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.Email).HasMaxLength(ProgrammeLimits.EmailLength);
        e.Ignore(x => x.IsWithdrawn);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Availability).WithOne().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.GuestId }).IsUnique();
    }
}
