using Summit.Server.Guests.Contracts;

namespace Summit.Server.Operations.Dashboard;

public sealed record ArrivalsPipeline(IReadOnlyList<PipelineRow> Categories, PipelineRow Total)
{
    public static readonly ArrivalsPipeline Empty = Build([], []);

    /// <summary>The funnel of every category (those without guests too, so the screen keeps its rows) and of the whole event.</summary>
    public static ArrivalsPipeline Build(IReadOnlyList<CategoryCard> categories, IReadOnlyList<CategoryStatusCount> counts)
    {
        var rows = categories.OrderBy(c => c.SortOrder).Select(c => Row(c.Id, c.Code, c.NameEn, c.NameZh, c.Colour, counts.Where(n => n.CategoryId == c.Id)))
            .ToList();
        var total = Row(Guid.Empty, "", "All categories", "全部类别", "", counts);
        return new ArrivalsPipeline(rows, total);
    }

    /// <summary>The furthest stage a status has passed through; null for a guest who left the funnel.</summary>
    public static PipelineStage? Reached(GuestStatus status) => status switch
    {
        GuestStatus.Invited => PipelineStage.Invited,
        GuestStatus.Registered or GuestStatus.Rejected => PipelineStage.Registered,
        GuestStatus.Approved => PipelineStage.Approved,
        GuestStatus.Accredited => PipelineStage.Accredited,
        GuestStatus.Arrived => PipelineStage.Arrived,
        _ => null,
    };

    private static PipelineRow Row(Guid id, string code, string nameEn, string nameZh, string colour, IEnumerable<CategoryStatusCount> counts)
    {
        var stages = new int[Enum.GetValues<PipelineStage>().Length];
        int rejected = 0, withdrawn = 0;
        foreach (var count in counts)
        {
            rejected += count.Status == GuestStatus.Rejected ? count.Count : 0;
            if (Reached(count.Status) is not { } reached)
            {
                withdrawn += count.Count;
                continue;
            }

            for (var stage = 0; stage <= (int)reached; stage++)
            {
                stages[stage] += count.Count;
            }
        }

        return new PipelineRow(id, code, nameEn, nameZh, colour, stages, rejected, withdrawn);
    }
}
