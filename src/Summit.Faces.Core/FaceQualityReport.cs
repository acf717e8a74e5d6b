namespace Summit.Faces.Core;

/// <summary>The check's verdict: no issues means the face can be enrolled; <see cref="Face"/> is the face judged.</summary>
public sealed record FaceQualityReport(FaceAnalysis? Face, FaceMeasures? Measures, IReadOnlyList<FaceIssue> Issues)
{
    public bool Acceptable => Issues.Count == 0 && Face is not null;
}
