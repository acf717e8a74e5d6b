using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Summit.Server.Programme;

internal sealed class ProgrammeRuleSettingConfiguration : IEntityTypeConfiguration<ProgrammeRuleSetting>
{
    public void Configure(EntityTypeBuilder<ProgrammeRuleSetting> e)
    {
        e.ToTable("ProgrammeRuleSettings");
        e.HasKey(x => new { x.EventId, x.Rule });
    }
}
