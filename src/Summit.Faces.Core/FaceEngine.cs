using Microsoft.ML.OnnxRuntime;

namespace Summit.Faces.Core;

/// <summary>
/// Face detection, landmarks and descriptors on the CPU with ONNX Runtime, computing what face-api (the reference,
/// TensorFlow.js) computes: the same networks and weights, the same crops and resizing.
/// <para>
/// Thread-safety: one engine serves any number of threads at once. Its state is three ONNX Runtime sessions, whose Run
/// is thread-safe, and immutable options; every call allocates its own buffers. Memory: the weights (about 25 MB of
/// float32) are held once per engine, plus ONNX Runtime's working memory, which grows with the largest image size and
/// batch seen; load one engine per process and share it (docs/benchmarks.md gives the measured figures).
/// </para>
/// </summary>
public sealed class FaceEngine : IDisposable
{
    internal const int LandmarkInputSize = 112;
    internal const int RecognitionInputSize = 150;

    /// <summary>Faces per network run: bounds the working memory of a crowded image (150 × 150 × 3 floats each).</summary>
    private const int BatchSize = 8;

    private readonly InferenceSession _detector;
    private readonly InferenceSession _landmarks;
    private readonly InferenceSession _recognition;

    private FaceEngine(FaceEngineOptions options, InferenceSession detector, InferenceSession landmarks, InferenceSession recognition)
    {
        Options = options;
        _detector = detector;
        _landmarks = landmarks;
        _recognition = recognition;
    }

    public FaceEngineOptions Options { get; }

    /// <summary>Loads the three embedded networks (a few hundred milliseconds; do it once).</summary>
    public static FaceEngine Load(FaceEngineOptions? options = null)
    {
        options ??= new FaceEngineOptions();
        if (options.DetectorInputSize is < 128 or > 1024 || options.DetectorInputSize % 32 != 0)
        {
            throw new ArgumentException("the detector input size must be a multiple of 32 from 128 to 1024", nameof(options));
        }

        if (options.IntraOpThreads < 1 || options.MaxFaces < 1 || options.MinDetectionScore is <= 0 or >= 1)
        {
            throw new ArgumentException("threads and faces must be at least 1, the score between 0 and 1", nameof(options));
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // Worker threads that spin while idle take CPU from the rest of the server (and from other helpers' gates).
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var sessions = new List<InferenceSession>();
        try
        {
            foreach (var file in FaceModels.Files)
            {
                sessions.Add(new InferenceSession(FaceModels.Read(file), sessionOptions));
            }

            return new FaceEngine(options, sessions[0], sessions[1], sessions[2]);
        }
        catch
        {
            sessions.ForEach(session => session.Dispose());
            throw;
        }
    }

    /// <summary>Finds faces: boxes and scores, highest score first, at most <see cref="FaceEngineOptions.MaxFaces"/>.</summary>
    public IReadOnlyList<DetectedFace> Detect(FaceImage image)
    {
        var size = Options.DetectorInputSize;
        var input = new float[3 * size * size];
        NetInput.SquareResize(image, (0, 0, image.Width, image.Height), centre: false, size, input);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, size, size]);
        using var runOptions = new RunOptions();
        using var outputs = _detector.Run(runOptions, ["image"], [tensor], ["grid"]);
        var faces = TinyFaceDecoder.Decode(outputs[0].GetTensorDataAsSpan<float>(), size / 32, size, image.Width, image.Height, Options.MinDetectionScore);
        return faces.Count > Options.MaxFaces ? faces[..Options.MaxFaces] : faces;
    }

    /// <summary>The 68 landmarks of each detected face (none for a detection that lies wholly outside the image).</summary>
    public IReadOnlyList<FaceLandmarks?> Landmarks(FaceImage image, IReadOnlyList<DetectedFace> faces)
    {
        var crops = faces.Select(face => face.Box.ClipToImage(image.Width, image.Height)).ToList();
        var outputs = RunFaces(_landmarks, "landmarks", 136, LandmarkInputSize, image, crops);
        return [.. faces.Select((face, i) => outputs[i] is { } output
            ? FaceLandmarks.FromNetwork(output, LandmarkInputSize, crops[i], face.Box)
            : null)];
    }

    /// <summary>
    /// The descriptor of the face in each box (the dlib-aligned box of its landmarks, or one given by the caller: the
    /// equality test gives the reference's own boxes). Null for a box that lies wholly outside the image.
    /// </summary>
    public IReadOnlyList<FaceDescriptor?> Describe(FaceImage image, IReadOnlyList<FaceBox> alignedBoxes)
    {
        var outputs = RunFaces(_recognition, "descriptor", FaceDescriptor.Length, RecognitionInputSize, image,
            [.. alignedBoxes.Select(box => box.ClipToImage(image.Width, image.Height))]);
        return [.. outputs.Select(output => output is null ? null : FaceDescriptor.FromValues(output))];
    }

    /// <summary>Detect, then landmarks, then descriptors: what face-api's detectAllFaces().withFaceLandmarks().withFaceDescriptors() gives.</summary>
    public IReadOnlyList<FaceAnalysis> Analyze(FaceImage image)
    {
        var faces = Detect(image);
        var landmarks = Landmarks(image, faces);
        var found = faces.Zip(landmarks).Where(pair => pair.Second is not null).Select(pair => (Face: pair.First, Landmarks: pair.Second!)).ToList();
        var aligned = found.Select(pair => pair.Landmarks.DlibAlignedBox()).ToList();
        var descriptors = Describe(image, aligned);
        var results = new List<FaceAnalysis>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (descriptors[i] is { } descriptor)
            {
                results.Add(new FaceAnalysis(found[i].Face, found[i].Landmarks, aligned[i], descriptor));
            }
        }

        return results;
    }

    public void Dispose()
    {
        _detector.Dispose();
        _landmarks.Dispose();
        _recognition.Dispose();
    }

    /// <summary>Runs a face network on each crop, in batches; null for an empty crop.</summary>
    private static float[]?[] RunFaces(InferenceSession session, string outputName, int outputLength, int size, FaceImage image, IReadOnlyList<(int X, int Y, int Width, int Height)> crops)
    {
        var results = new float[]?[crops.Count];
        var usable = Enumerable.Range(0, crops.Count).Where(i => crops[i].Width > 0 && crops[i].Height > 0).ToList();
        var plane = 3 * size * size;
        using var runOptions = new RunOptions();
        foreach (var batch in usable.Chunk(BatchSize))
        {
            var input = new float[batch.Length * plane];
            for (var b = 0; b < batch.Length; b++)
            {
                NetInput.SquareResize(image, crops[batch[b]], centre: true, size, input.AsSpan(b * plane, plane));
            }

            using var tensor = OrtValue.CreateTensorValueFromMemory(input, [batch.Length, 3, size, size]);
            using var outputs = session.Run(runOptions, ["face"], [tensor], [outputName]);
            var values = outputs[0].GetTensorDataAsSpan<float>();
            for (var b = 0; b < batch.Length; b++)
            {
                results[batch[b]] = values.Slice(b * outputLength, outputLength).ToArray();
            }
        }

        return results;
    }
}
