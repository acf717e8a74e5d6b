namespace Summit.Faces.Core;

/// <summary>How the engine runs.</summary>
public sealed record FaceEngineOptions
{
    /// <summary>Threads ONNX Runtime may use inside one network run. 1 keeps a busy server responsive; a gate PC may give more.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>The detector's input side (a multiple of 32): face-api's default 416. Smaller is faster and misses small faces.</summary>
    public int DetectorInputSize { get; init; } = 416;

    /// <summary>Detections at or below this score are dropped (face-api's default 0.5).</summary>
    public double MinDetectionScore { get; init; } = 0.5;

    /// <summary>At most this many faces (the highest scores) are analysed in one image, so that a crowd costs a bounded time.</summary>
    public int MaxFaces { get; init; } = 32;
}
