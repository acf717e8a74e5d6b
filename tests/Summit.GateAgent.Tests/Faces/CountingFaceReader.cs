using Summit.Faces.Core;

namespace Summit.GateAgent.Tests.Faces;

/// <summary>The real engine, counting the frames it was asked to read: a test proves nothing is computed for a person without consent.</summary>
internal sealed class CountingFaceReader : IFaceReader
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public FaceDescriptor? LargestFace(byte[] frame)
    {
        Interlocked.Increment(ref _calls);
        return FaceSamples.LargestFace(frame);
    }

    public IReadOnlyList<FaceAnalysis> Faces(byte[] frame)
    {
        Interlocked.Increment(ref _calls);
        return FaceSamples.Engine.Analyze(FaceImage.Decode(frame));
    }
}
