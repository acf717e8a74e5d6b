using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Access.Domain;

namespace Summit.Server.Access;

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
