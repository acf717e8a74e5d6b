using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Infrastructure.Database;

/// <summary>
/// The one database of Summit. Each module owns its tables through its own configuration class;
/// the provider-specific subclasses exist only so each provider has its own migrations.
/// </summary>
public abstract class SummitDbContext(DbContextOptions options) : IdentityDbContext<SummitUser>(options)
{
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
        UpdateGuestSearchTerms();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UpdateGuestSearchTerms();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Keeps every guest's search terms in step with the guest, in the same unit of work.</summary>
    private void UpdateGuestSearchTerms()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var changed = ChangeTracker.Entries<Guest>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified)))
            .Select(e => e.Entity).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var modifiedIds = ChangeTracker.Entries<Guest>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList();
        var stored = (modifiedIds.Count == 0 ? [] : GuestSearchTerms.Where(t => modifiedIds.Contains(t.GuestId)).ToList())
            .ToLookup(t => t.GuestId);
        foreach (var guest in changed)
        {
            var wanted = GuestSearch.TermsOf(guest);
            var existing = stored[guest.Id].ToList();
            GuestSearchTerms.RemoveRange(existing.Where(t => !wanted.Contains(t.Term)));
            var have = existing.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
            GuestSearchTerms.AddRange(wanted.Where(t => !have.Contains(t)).Select(t => new GuestSearchTerm { GuestId = guest.Id, Term = t }));
        }
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

public sealed class SqliteSummitDbContext(DbContextOptions<SqliteSummitDbContext> options) : SummitDbContext(options);

public sealed class PostgresSummitDbContext(DbContextOptions<PostgresSummitDbContext> options) : SummitDbContext(options);
