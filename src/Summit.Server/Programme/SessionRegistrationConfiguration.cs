using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

/// <summary>One registration per guest and session; the waiting list is read in the order of registration.</summary>
internal sealed class SessionRegistrationConfiguration : IEntityTypeConfiguration<SessionRegistration>
{
    public void Configure(EntityTypeBuilder<SessionRegistration> e)
    {
        e.ToTable("ProgrammeSessionRegistrations");
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.SessionId, x.GuestId }).IsUnique();
        e.HasIndex(x => new { x.SessionId, x.State, x.RegisteredAt });
        e.HasIndex(x => new { x.EventId, x.GuestId });
    }
}
