using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Privacy;

/// <summary>The retention period an admin set for one event; none stored means the configured default applies (ADR 0013).</summary>
public sealed class PrivacySettings
{
    public Guid EventId { get; set; }

    /// <summary>Days after the end of the event's last day (in its time zone) that personal data is kept.</summary>
    public int RetentionDays { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public enum PurgeTrigger
{
    /// <summary>The background job found the event due.</summary>
    Scheduled,

    /// <summary>An officer ran it.</summary>
    Manual,
}

public enum PurgeOutcome
{
    /// <summary>Still running (or its server stopped while it ran: a run older than the lease is taken over).</summary>
    Running,
    Completed,
    Failed,
    Abandoned,
}

/// <summary>
/// One purge of an event. A row without <see cref="FinishedAt"/> is the claim of the server that runs it: a unique index admits one
/// such row per event, so that several servers running the job never purge one event at once.
/// </summary>
public sealed class PurgeRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public PurgeTrigger Trigger { get; set; }
    public string Node { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public PurgeOutcome Outcome { get; set; }

    /// <summary>Persons erased and persons kept under a legal hold.</summary>
    public int Erased { get; set; }
    public int Held { get; set; }

    /// <summary>The counts per module, kind and action, as JSON (no one named).</summary>
    public string? Counts { get; set; }
    public string? Error { get; set; }
}

internal sealed class PrivacySettingsConfiguration : IEntityTypeConfiguration<PrivacySettings>
{
    public void Configure(EntityTypeBuilder<PrivacySettings> e)
    {
        e.HasKey(x => x.EventId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<PrivacySettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PurgeRunConfiguration : IEntityTypeConfiguration<PurgeRun>
{
    public void Configure(EntityTypeBuilder<PurgeRun> e)
    {
        e.ToTable("PurgeRuns");
        e.Property(x => x.Node).HasMaxLength(200);
        e.Property(x => x.Actor).HasMaxLength(256);
        e.Property(x => x.Error).HasMaxLength(2000);
        // The claim: at most one unfinished purge per event.
        e.HasIndex(x => x.EventId).IsUnique().HasFilter("\"FinishedAt\" IS NULL").HasDatabaseName("IX_PurgeRuns_Running");
        e.HasIndex(x => new { x.EventId, x.StartedAt });
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
