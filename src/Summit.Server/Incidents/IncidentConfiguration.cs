using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Incidents;

// The tables of the incidents module. Zones, gates and users are referenced by id only: their modules own them.
internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.Property(x => x.Title).HasMaxLength(IncidentLimits.Title);
        e.Property(x => x.TitleZh).HasMaxLength(IncidentLimits.Title);
        e.Property(x => x.TitleKey).HasMaxLength(IncidentTitles.KeyLength);
        e.Property(x => x.TitleArguments).HasMaxLength(IncidentTitles.ArgumentsLength);
        e.Property(x => x.Description).HasMaxLength(IncidentLimits.Description);
        e.Property(x => x.PlaceText).HasMaxLength(IncidentLimits.PlaceText);
        e.Property(x => x.Cause).HasMaxLength(64);
        e.Property(x => x.OpenKey).HasMaxLength(200);
        e.Property(x => x.ReporterId).HasMaxLength(64);
        e.Property(x => x.ReporterName).HasMaxLength(256);
        e.Property(x => x.AssignedTeam).HasMaxLength(64);
        e.Property(x => x.AssignedUserId).HasMaxLength(64);
        e.Property(x => x.AssignedUserName).HasMaxLength(256);
        e.Property(x => x.Resolution).HasMaxLength(IncidentLimits.Note);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsDone);
        e.Ignore(x => x.DisplayNumber);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
        // Null keys never collide: only unresolved automatic incidents take part.
        e.HasIndex(x => new { x.EventId, x.OpenKey }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.Status });
        e.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Timeline).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Periods).WithOne().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
