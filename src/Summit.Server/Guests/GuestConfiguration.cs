using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

// The tables of the Guests module.
internal sealed class GuestConfiguration : IEntityTypeConfiguration<Guest>
{
    public void Configure(EntityTypeBuilder<Guest> e)
    {
        e.Property(x => x.FamilyName).HasMaxLength(100);
        e.Property(x => x.GivenName).HasMaxLength(100);
        e.Property(x => x.FamilyNameLatin).HasMaxLength(100);
        e.Property(x => x.GivenNameLatin).HasMaxLength(100);
        e.Property(x => x.Title).HasMaxLength(50);
        e.Property(x => x.Organisation).HasMaxLength(200);
        e.Property(x => x.Position).HasMaxLength(200);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.EmailNormalized).HasMaxLength(254);
        e.Property(x => x.Phone).HasMaxLength(40);
        e.Property(x => x.Language).HasMaxLength(10);
        e.Property(x => x.TimeZoneId).HasMaxLength(Portal.PortalTimeZones.IdLength);
        e.Property(x => x.PassportHash).HasMaxLength(64);
        e.Property(x => x.StatusReason).HasMaxLength(500);
        e.Property(x => x.PrivacyNoticeVersion).HasMaxLength(20);
        e.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
        e.Ignore(x => x.DisplayName);
        e.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Delegation).WithMany().HasForeignKey(x => x.DelegationId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.EventId, x.EmailNormalized }).IsUnique();
        e.HasIndex(x => new { x.EventId, x.PassportHash });
        e.HasIndex(x => new { x.EventId, x.FamilyNameLatin, x.GivenNameLatin });
        e.HasIndex(x => new { x.EventId, x.Status, x.FamilyNameLatin });
        e.HasIndex(x => new { x.EventId, x.CategoryId, x.FamilyNameLatin });
        e.HasIndex(x => new { x.EventId, x.CountryCode });
        e.HasIndex(x => new { x.EventId, x.Organisation });
        e.HasIndex(x => x.DelegationId);
    }
}
