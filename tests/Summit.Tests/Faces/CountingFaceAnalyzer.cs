using Summit.Faces.Core;
using Summit.Server.Faces.Engine;

namespace Summit.Tests.Faces;

/// <summary>The real engine (the test process's one), counting every call: "nothing computed" is then a count of zero.</summary>
public sealed class CountingFaceAnalyzer : IFaceAnalyzer
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public FaceQualityReport CheckEnrolment(FaceImage image)
    {
        Interlocked.Increment(ref _calls);
        return FaceQuality.Check(FaceSamples.Engine, image);
    }

    public FaceAnalysis? LargestFace(FaceImage image)
    {
        Interlocked.Increment(ref _calls);
        return FaceSamples.Engine.Analyze(image).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault();
    }

    public IReadOnlyList<FaceAnalysis> Faces(FaceImage image)
    {
        Interlocked.Increment(ref _calls);
        return FaceSamples.Engine.Analyze(image);
    }
}
