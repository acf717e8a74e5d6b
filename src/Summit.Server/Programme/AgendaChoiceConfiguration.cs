using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

/// <summary>
/// One row per guest and session. The session id has no foreign key either: a choice outlives a session taken out of the draft, and the
/// agenda then shows it as cancelled from the release it was chosen from.
/// </summary>
internal sealed class AgendaChoiceConfiguration : IEntityTypeConfiguration<AgendaChoice>
{
    public void Configure(EntityTypeBuilder<AgendaChoice> e)
    {
        e.ToTable("ProgrammeAgendaChoices");
        e.HasKey(x => new { x.GuestId, x.SessionId });
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.SessionId });
    }
}
