using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Programme;

internal sealed class SessionParticipantConfiguration : IEntityTypeConfiguration<SessionParticipant>
{
    public void Configure(EntityTypeBuilder<SessionParticipant> e)
    {
        e.ToTable("ProgrammeSessionParticipants");
        e.HasOne<ProgrammePerson>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SessionId, x.PersonId, x.Role }).IsUnique();
        e.HasIndex(x => x.PersonId);
    }
}
