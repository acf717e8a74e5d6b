using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Infrastructure.Database;

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
