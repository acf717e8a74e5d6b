namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// One category's funnel: <see cref="Stages"/>[i] is how many guests have reached stage i or gone beyond it, so the numbers
/// only fall from left to right. A rejected guest counts as registered (and in <see cref="Rejected"/>); a withdrawn guest has
/// left the funnel and counts only in <see cref="Withdrawn"/>.
/// </summary>
public sealed record PipelineRow(Guid CategoryId, string Code, string NameEn, string NameZh, string Colour, IReadOnlyList<int> Stages, int Rejected,
    int Withdrawn)
{
    public int this[PipelineStage stage] => Stages[(int)stage];

    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
