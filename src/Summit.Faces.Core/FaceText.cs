namespace Summit.Faces.Core;

/// <summary>A message in English and Simplified Chinese.</summary>
public readonly record struct FaceText(string En, string Zh)
{
    public override string ToString() => $"{En} / {Zh}";
}
