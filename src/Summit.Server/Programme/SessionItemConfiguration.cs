using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Programme;

internal sealed class SessionItemConfiguration : IEntityTypeConfiguration<SessionItem>
{
    public void Configure(EntityTypeBuilder<SessionItem> e)
    {
        e.ToTable("ProgrammeSessionItems");
        e.Property(x => x.TitleEn).HasMaxLength(ProgrammeLimits.TitleLength);
        e.Property(x => x.TitleZh).HasMaxLength(ProgrammeLimits.TitleLength);
        e.HasIndex(x => new { x.SessionId, x.Position });
    }
}
