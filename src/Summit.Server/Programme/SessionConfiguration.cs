using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Summit.Server.Events;

namespace Summit.Server.Programme;

/// <summary>
/// The sessions table. RoomId and BookingId name the venues module's room and booking without a foreign key: the programme knows them only
/// through the venues contract (docs/adr/0031), and the booking is kept consistent by placing through that contract.
/// </summary>
internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.ToTable("ProgrammeSessions");
        e.Property(x => x.TitleEn).HasMaxLength(ProgrammeLimits.TitleLength);
        e.Property(x => x.TitleZh).HasMaxLength(ProgrammeLimits.TitleLength);
        e.Property(x => x.AbstractEn).HasMaxLength(ProgrammeLimits.AbstractLength);
        e.Property(x => x.AbstractZh).HasMaxLength(ProgrammeLimits.AbstractLength);
        e.Property(x => x.Language).HasMaxLength(ProgrammeLimits.LanguageLength);
        e.Property(x => x.Channels).HasMaxLength(ProgrammeLimits.ChannelsLength);
        e.Property(x => x.JoinLink).HasMaxLength(ProgrammeLimits.LinkLength);
        e.HasOne<SummitEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Forum>().WithMany().HasForeignKey(x => x.ForumId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Equipment).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.ChannelList);
        e.HasIndex(x => new { x.EventId, x.ForumId });
        e.HasIndex(x => x.BookingId);
    }
}
