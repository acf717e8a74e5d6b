using System.Buffers.Binary;
using System.Numerics.Tensors;

namespace Summit.Faces.Core;

/// <summary>
/// The 128 numbers the recognition network gives for a face (dlib's face descriptor). Two photos of one person lie close
/// together: compare by Euclidean distance, dlib's convention (0.6 is dlib's threshold on its own test set). Cosine is
/// the wrong measure here: the vectors are not centred, so unrelated faces still point the same general way.
/// This is biometric data: store it only encrypted, never log it.
/// </summary>
public sealed class FaceDescriptor
{
    public const int Length = 128;

    /// <summary>Bytes of <see cref="ToBytes"/>: 128 float32, little-endian.</summary>
    public const int ByteLength = Length * sizeof(float);

    private readonly float[] _values;

    private FaceDescriptor(float[] values) => _values = values;

    public ReadOnlySpan<float> Values => _values;

    public static FaceDescriptor FromValues(ReadOnlySpan<float> values)
    {
        if (values.Length != Length)
        {
            throw new ArgumentException($"a face descriptor has {Length} values, not {values.Length}", nameof(values));
        }

        foreach (var value in values)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("a face descriptor holds only finite numbers", nameof(values));
            }
        }

        return new FaceDescriptor(values.ToArray());
    }

    public double DistanceTo(FaceDescriptor other) => TensorPrimitives.Distance(Values, other.Values);

    /// <summary>Only for comparison with other implementations (the reference): Summit matches by distance.</summary>
    public double CosineSimilarityTo(FaceDescriptor other) => TensorPrimitives.CosineSimilarity(Values, other.Values);

    /// <summary>The stored form (to be encrypted by the caller): 512 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        for (var i = 0; i < Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), _values[i]);
        }

        return bytes;
    }

    public static FaceDescriptor FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new ArgumentException($"a stored face descriptor has {ByteLength} bytes, not {bytes.Length}", nameof(bytes));
        }

        var values = new float[Length];
        for (var i = 0; i < Length; i++)
        {
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * 4)..]);
        }

        return FromValues(values);
    }

    /// <summary>Never prints the values: a descriptor in a log is a biometric template in a log.</summary>
    public override string ToString() => "FaceDescriptor(128)";
}
