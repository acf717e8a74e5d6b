using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Operations.Incidents;

// The tables of the incidents module. Zones, gates and users are referenced by id only: their modules own them.
internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> e)
    {
        e.Property(x => x.Title).HasMaxLength(IncidentLimits.Title);
        e.Property(x => x.TitleZh).HasMaxLength(IncidentLimits.Title);
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

internal sealed class IncidentEvidenceConfiguration : IEntityTypeConfiguration<IncidentEvidenceLink>
{
    public void Configure(EntityTypeBuilder<IncidentEvidenceLink> e)
    {
        e.ToTable("IncidentEvidence");
        e.Property(x => x.Kind).HasMaxLength(32);
        e.Property(x => x.Reference).HasMaxLength(100);
        e.Property(x => x.SummaryEn).HasMaxLength(500);
        e.Property(x => x.SummaryZh).HasMaxLength(500);
        e.HasIndex(x => new { x.Kind, x.Reference });
    }
}

internal sealed class IncidentTimelineConfiguration : IEntityTypeConfiguration<IncidentTimelineEntry>
{
    public void Configure(EntityTypeBuilder<IncidentTimelineEntry> e)
    {
        e.ToTable("IncidentTimeline");
        e.Property(x => x.ActorName).HasMaxLength(256);
        e.Property(x => x.Text).HasMaxLength(IncidentLimits.Description);
        e.HasIndex(x => new { x.IncidentId, x.At });
    }
}

internal sealed class IncidentPeriodConfiguration : IEntityTypeConfiguration<IncidentPeriod>
{
    public void Configure(EntityTypeBuilder<IncidentPeriod> e)
    {
        e.ToTable("IncidentPeriods");
        e.HasIndex(x => new { x.IncidentId, x.Number }).IsUnique();
    }
}

internal sealed class IncidentAttachmentConfiguration : IEntityTypeConfiguration<IncidentAttachment>
{
    public void Configure(EntityTypeBuilder<IncidentAttachment> e)
    {
        e.Property(x => x.UploadedBy).HasMaxLength(256);
        e.HasIndex(x => x.IncidentId);
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentNotificationConfiguration : IEntityTypeConfiguration<IncidentNotification>
{
    public void Configure(EntityTypeBuilder<IncidentNotification> e)
    {
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.TitleEn).HasMaxLength(IncidentLimits.Title);
        e.Property(x => x.TitleZh).HasMaxLength(IncidentLimits.Title);
        e.HasIndex(x => new { x.UserId, x.ReadAt });
        e.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentSequenceConfiguration : IEntityTypeConfiguration<IncidentSequence>
{
    public void Configure(EntityTypeBuilder<IncidentSequence> e)
    {
        e.HasKey(x => x.EventId);
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<IncidentSequence>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class IncidentLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int PlaceText = 200;
    public const int Note = 2000;
}
