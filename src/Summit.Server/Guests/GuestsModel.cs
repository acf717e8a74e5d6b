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

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<AccreditationCategory>
{
    public void Configure(EntityTypeBuilder<AccreditationCategory> e)
    {
        e.Property(x => x.Code).HasMaxLength(32);
        e.Property(x => x.NameEn).HasMaxLength(100);
        e.Property(x => x.NameZh).HasMaxLength(100);
        e.Property(x => x.Colour).HasMaxLength(7);
        e.HasIndex(x => new { x.EventId, x.Code }).IsUnique();
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DelegationConfiguration : IEntityTypeConfiguration<Delegation>
{
    public void Configure(EntityTypeBuilder<Delegation> e)
    {
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.CountryCode).HasMaxLength(2);
        e.HasIndex(x => new { x.EventId, x.Name }).IsUnique();
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuestPhotoConfiguration : IEntityTypeConfiguration<GuestPhoto>
{
    public void Configure(EntityTypeBuilder<GuestPhoto> e)
    {
        e.HasKey(x => x.GuestId);
        e.HasOne<Guest>().WithOne().HasForeignKey<GuestPhoto>(x => x.GuestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.GuestId);
        e.HasOne(x => x.Guest).WithMany().HasForeignKey(x => x.GuestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GuestSearchTermConfiguration : IEntityTypeConfiguration<GuestSearchTerm>
{
    public void Configure(EntityTypeBuilder<GuestSearchTerm> e)
    {
        // The key begins with the term, so a prefix search is a range scan of the primary key.
        e.HasKey(x => new { x.Term, x.GuestId });
        e.Property(x => x.Term).HasMaxLength(GuestSearch.MaxTermLength);
        e.HasIndex(x => x.GuestId);
        e.HasOne<Guest>().WithMany().HasForeignKey(x => x.GuestId).OnDelete(DeleteBehavior.Cascade);
    }
}
