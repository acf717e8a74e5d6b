namespace Summit.GateAgent;

/// <summary>A message in English and Simplified Chinese.</summary>
public readonly record struct BilingualText(string En, string Zh)
{
    public override string ToString() => $"{En} / {Zh}";
}
