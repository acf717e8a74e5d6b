using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Domain;
using Summit.Server.Events;
using Summit.Server.Guests;
using Summit.Server.Guests.Domain;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Infrastructure.Database;

/// <summary>
/// The one database of Summit. Each module owns its tables through its own configuration class;
/// the provider-specific subclasses exist only so each provider has its own migrations.
/// </summary>
public abstract class SummitDbContext(DbContextOptions options) : IdentityDbContext<SummitUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign sign-in cookies and tokens, shared by every server process (docs/adr/0029), encrypted with the data key.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SummitEvent> Events => Set<SummitEvent>();
    public DbSet<EventVenue> EventVenues => Set<EventVenue>();
    public DbSet<Guest> Guests => Set<Guest>();
    public DbSet<AccreditationCategory> Categories => Set<AccreditationCategory>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<GuestPhoto> GuestPhotos => Set<GuestPhoto>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<GuestSearchTerm> GuestSearchTerms => Set<GuestSearchTerm>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutgoingMail> OutgoingMails => Set<OutgoingMail>();
    public DbSet<Zone> Zones => Set<Zone>();
    public DbSet<AccessGate> Gates => Set<AccessGate>();
    public DbSet<CategoryZoneGrant> CategoryZoneGrants => Set<CategoryZoneGrant>();
    public DbSet<PersonalZoneGrant> PersonalZoneGrants => Set<PersonalZoneGrant>();
    public DbSet<CategoryNumber> CategoryNumbers => Set<CategoryNumber>();
    public DbSet<PersonBlock> PersonBlocks => Set<PersonBlock>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<AccessSettings> AccessSettings => Set<AccessSettings>();
    public DbSet<GateDevice> GateDevices => Set<GateDevice>();
    public DbSet<Scan> Scans => Set<Scan>();
    public DbSet<ZonePresence> ZonePresence => Set<ZonePresence>();
    public DbSet<EntryConflict> EntryConflicts => Set<EntryConflict>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentEvidenceLink> IncidentEvidence => Set<IncidentEvidenceLink>();
    public DbSet<IncidentTimelineEntry> IncidentTimeline => Set<IncidentTimelineEntry>();
    public DbSet<IncidentAttachment> IncidentAttachments => Set<IncidentAttachment>();
    public DbSet<IncidentNotification> IncidentNotifications => Set<IncidentNotification>();
    public DbSet<IncidentSequence> IncidentSequences => Set<IncidentSequence>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SummitDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Byte order, as SQLite compares: prefix ranges then hold for every script.
            builder.Entity<GuestSearchTerm>().Property(t => t.Term).UseCollation("C");
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = PrepareSave();
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = PrepareSave();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Detects changes once, lets the modules add what follows from them (the guests' search terms), and turns
    /// detection off for the save itself so that a large unit of work is not scanned twice. Returns the setting to restore.
    /// </summary>
    private bool PrepareSave()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        GuestSearchIndex.SyncTerms(this);
        ChangeTracker.AutoDetectChangesEnabled = false;
        return detect;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks there, native timestamptz on PostgreSQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
    }
}
