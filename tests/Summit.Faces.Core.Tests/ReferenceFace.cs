namespace Summit.Faces.Core.Tests;

/// <summary>One face as the reference implementation (face-api on TensorFlow.js, WebAssembly backend) found it.</summary>
public sealed record ReferenceFace(
    string File, int Index, double Ms, double Score, double[] Box, double[] Aligned, double[][] Landmarks, float[] Descriptor)
{
    public string Photo => Path.GetFileName(File);

    public FaceBox DetectionBox => new(Box[0], Box[1], Box[2], Box[3]);

    public FaceBox AlignedBox => new(Aligned[0], Aligned[1], Aligned[2], Aligned[3]);

    public IEnumerable<FacePoint> LandmarkPoints => Landmarks.Select(point => new FacePoint(point[0], point[1]));
}
