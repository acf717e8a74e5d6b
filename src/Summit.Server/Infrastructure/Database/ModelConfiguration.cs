using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Infrastructure.Database;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.ActorId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(256);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.EntityType).HasMaxLength(64);
        e.Property(x => x.EntityId).HasMaxLength(64);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => new { x.ActorName, x.At });
        // An erasure finds the entries a guest made in the portal by their actor id.
        e.HasIndex(x => x.ActorId);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> e)
    {
        e.Property(x => x.ToAddress).HasMaxLength(254);
        e.Property(x => x.ToName).HasMaxLength(256);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.HasIndex(x => x.SentAt);
        e.HasMany(x => x.Images).WithOne().HasForeignKey(x => x.MailId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MailImageConfiguration : IEntityTypeConfiguration<MailImage>
{
    public void Configure(EntityTypeBuilder<MailImage> e)
    {
        e.ToTable("MailImages");
        e.Property(x => x.ContentId).HasMaxLength(100);
        e.Property(x => x.FileName).HasMaxLength(100);
        e.Property(x => x.ContentType).HasMaxLength(100);
    }
}
