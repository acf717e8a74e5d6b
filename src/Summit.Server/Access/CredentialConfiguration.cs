using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

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
