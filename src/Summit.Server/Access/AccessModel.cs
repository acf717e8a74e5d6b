using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;
using Summit.Server.Events;

namespace Summit.Server.Access;

// The tables of the Access module. Guests and categories are referenced by id only: the Guests module owns them.
internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> e)
    {
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.Property(x => x.Venue).HasMaxLength(200);
        e.Ignore(x => x.Plan);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessGateConfiguration : IEntityTypeConfiguration<AccessGate>
{
    public void Configure(EntityTypeBuilder<AccessGate> e)
    {
        e.ToTable("Gates");
        e.Property(x => x.Code).HasMaxLength(16);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        e.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryZoneGrantConfiguration : IEntityTypeConfiguration<CategoryZoneGrant>
{
    public void Configure(EntityTypeBuilder<CategoryZoneGrant> e)
    {
        e.HasIndex(x => new { x.CategoryId, x.ZoneId });
        e.HasIndex(x => x.EventId);
        e.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonalZoneGrantConfiguration : IEntityTypeConfiguration<PersonalZoneGrant>
{
    public void Configure(EntityTypeBuilder<PersonalZoneGrant> e)
    {
        e.Property(x => x.Reason).HasMaxLength(500);
        e.HasIndex(x => x.GuestId);
        e.HasIndex(x => x.EventId);
        e.HasOne<Zone>().WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryNumberConfiguration : IEntityTypeConfiguration<CategoryNumber>
{
    public void Configure(EntityTypeBuilder<CategoryNumber> e)
    {
        e.HasKey(x => x.CategoryId);
        e.HasIndex(x => new { x.EventId, x.Number }).IsUnique();
    }
}

internal sealed class PersonBlockConfiguration : IEntityTypeConfiguration<PersonBlock>
{
    public void Configure(EntityTypeBuilder<PersonBlock> e)
    {
        e.HasKey(x => x.GuestId);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.BlockedBy).HasMaxLength(256);
        e.HasIndex(x => x.EventId);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> e)
    {
        e.HasKey(x => x.KeyId);
        e.Property(x => x.KeyId).ValueGeneratedNever();
        e.Ignore(x => x.GateStatus);
        // Exactly one key signs at a time.
        e.HasIndex(x => x.Status).IsUnique().HasFilter("\"Status\" = 0").HasDatabaseName("IX_SigningKeys_Active");
    }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> e)
    {
        e.Property(x => x.IssuedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
        e.Property(x => x.RevokedReason).HasMaxLength(500);
        e.Ignore(x => x.IsActive);
        // At most one credential of a guest is in force: a reissue revokes the previous one in the same transaction.
        e.HasIndex(x => x.GuestId).IsUnique().HasFilter("\"RevokedAt\" IS NULL").HasDatabaseName("IX_Credentials_GuestId_Active");
        e.HasIndex(x => new { x.GuestId, x.Sequence }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.RevokedAt });
        e.HasIndex(x => x.KeyId);
        e.HasOne<SigningKey>().WithMany().HasForeignKey(x => x.KeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessSettingsConfiguration : IEntityTypeConfiguration<AccessSettings>
{
    public void Configure(EntityTypeBuilder<AccessSettings> e)
    {
        e.HasKey(x => x.EventId);
        e.HasIndex(x => x.EventNumber).IsUnique();
        e.HasOne<SummitEvent>().WithOne().HasForeignKey<AccessSettings>(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GateDeviceConfiguration : IEntityTypeConfiguration<GateDevice>
{
    public void Configure(EntityTypeBuilder<GateDevice> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.Property(x => x.TokenPrefix).HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
        e.Property(x => x.LastSeenAddress).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.GateId);
        e.HasOne<AccessGate>().WithMany().HasForeignKey(x => x.GateId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ScanConfiguration : IEntityTypeConfiguration<Scan>
{
    public void Configure(EntityTypeBuilder<Scan> e)
    {
        e.Property(x => x.Scanner).HasMaxLength(64);
        e.HasIndex(x => new { x.Scanner, x.Nonce }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.ScannedAt });
        e.HasIndex(x => new { x.GateId, x.ScannedAt });
        e.HasIndex(x => new { x.CredentialId, x.Zone, x.ScannedAt });
        e.HasIndex(x => new { x.GuestId, x.ScannedAt });
    }
}

internal sealed class ZonePresenceConfiguration : IEntityTypeConfiguration<ZonePresence>
{
    public void Configure(EntityTypeBuilder<ZonePresence> e)
    {
        e.ToTable("ZonePresence");
        e.HasKey(x => new { x.CredentialId, x.Zone });
        e.HasIndex(x => new { x.EventId, x.Zone, x.Inside });
        e.HasIndex(x => x.GuestId);
    }
}

internal sealed class EntryConflictConfiguration : IEntityTypeConfiguration<EntryConflict>
{
    public void Configure(EntityTypeBuilder<EntryConflict> e)
    {
        e.Property(x => x.ResolvedBy).HasMaxLength(256);
        e.Property(x => x.Resolution).HasMaxLength(500);
        e.HasIndex(x => new { x.EventId, x.ResolvedAt });
        e.HasIndex(x => new { x.FirstScanId, x.SecondScanId }).IsUnique();
    }
}
