using Summit.Faces.Core;

namespace Summit.GateAgent;

/// <summary>
/// Summit.Faces.Core's engine, as the server runs it: the three networks are embedded in that assembly and checked against their
/// SHA-256 when loaded, so there is nothing to find on the disk. Loading can still fail (ONNX Runtime's native library missing for this
/// platform, a damaged build): <see cref="TryLoad"/> then says why, and the agent decides without faces.
/// </summary>
public sealed class EngineFaceReader : IFaceReader, IDisposable
{
    private readonly FaceEngine _engine;

    private EngineFaceReader(FaceEngine engine) => _engine = engine;

    /// <summary>Loads the engine (about half a second; 146 MB); null with the reason when it cannot.</summary>
    public static EngineFaceReader? TryLoad(out string? problem)
    {
        try
        {
            problem = null;
            // One thread: the gate PC's other work (the journal, the endpoint) keeps its cores.
            return new EngineFaceReader(FaceEngine.Load(new FaceEngineOptions { IntraOpThreads = 1 }));
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or InvalidDataException or BadImageFormatException
            or EntryPointNotFoundException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException or IOException)
        {
            problem = $"{e.GetType().Name}: {e.Message}";
            return null;
        }
    }

    public FaceDescriptor? LargestFace(byte[] frame) =>
        Faces(frame).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault()?.Descriptor;

    public IReadOnlyList<FaceAnalysis> Faces(byte[] frame)
    {
        FaceImage image;
        try
        {
            image = FaceImage.Decode(frame, new FaceImageLimits(FolderFrameSource.MaxFrameBytes, 16_000_000));
        }
        catch (FaceImageException)
        {
            return [];
        }

        return _engine.Analyze(image);
    }

    public void Dispose() => _engine.Dispose();
}
