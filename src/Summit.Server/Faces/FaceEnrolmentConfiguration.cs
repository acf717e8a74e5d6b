using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Faces;

internal sealed class FaceEnrolmentConfiguration : IEntityTypeConfiguration<FaceEnrolment>
{
    public void Configure(EntityTypeBuilder<FaceEnrolment> e)
    {
        e.ToTable("FaceEnrolments");
        e.HasKey(x => x.GuestId);
        e.HasIndex(x => new { x.EventId, x.State });
        e.HasIndex(x => new { x.EventId, x.FastLane });
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.EncryptedTemplate).HasMaxLength(1024);
        e.Property(x => x.Issues).HasMaxLength(256);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}
