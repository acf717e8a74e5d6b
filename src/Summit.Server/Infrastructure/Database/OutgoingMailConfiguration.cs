using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Infrastructure.Database;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> e)
    {
        e.Property(x => x.ToAddress).HasMaxLength(254);
        e.Property(x => x.ToName).HasMaxLength(256);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.HasIndex(x => x.SentAt);
        e.HasIndex(x => x.ClaimToken);
        e.HasMany(x => x.Images).WithOne().HasForeignKey(x => x.MailId).OnDelete(DeleteBehavior.Cascade);
    }
}
