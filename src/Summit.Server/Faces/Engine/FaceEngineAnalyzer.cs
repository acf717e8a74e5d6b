using Summit.Faces.Core;

namespace Summit.Server.Faces.Engine;

/// <summary>
/// The process's one face engine (ADR 0022: about half a second and 146 MB to load, then thread-safe), loaded on first use so that a
/// server whose faces are never asked for never loads it. A singleton.
/// </summary>
public sealed class FaceEngineAnalyzer : IFaceAnalyzer, IDisposable
{
    private readonly Lazy<FaceEngine> _engine = new(() => FaceEngine.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    public FaceQualityReport CheckEnrolment(FaceImage image) => FaceQuality.Check(_engine.Value, image);

    public FaceAnalysis? LargestFace(FaceImage image) =>
        _engine.Value.Analyze(image).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault();

    public IReadOnlyList<FaceAnalysis> Faces(FaceImage image) => _engine.Value.Analyze(image);

    public void Dispose()
    {
        if (_engine.IsValueCreated)
        {
            _engine.Value.Dispose();
        }
    }
}
