using System.Globalization;

namespace Summit.Faces.ModelBuilder;

/// <summary>
/// The three networks of @vladmandic/face-api 1.7.15 that Summit runs, laid out as face-api.js builds them with
/// TensorFlow.js (src/tinyFaceDetector, src/faceLandmarkNet with src/faceFeatureExtractor, src/faceRecognitionNet).
/// Each graph takes RGB pixel values from 0 to 255 in NCHW, already padded to a square and resized as face-api does,
/// and normalizes them itself.
/// </summary>
public static class FaceApiModels
{
    public const string PackageVersion = "1.7.15";

    public const string DetectorFile = "tiny_face_detector.onnx";
    public const string LandmarksFile = "face_landmark_68.onnx";
    public const string RecognitionFile = "face_recognition.onnx";

    /// <summary>Builds all three graphs from the package's model folder (node_modules/@vladmandic/face-api/model).</summary>
    public static IReadOnlyList<BuiltModel> Build(string modelDirectory) =>
    [
        Write(DetectorFile, WeightManifest.Load(modelDirectory, "tiny_face_detector_model"), TinyFaceDetector,
            "Tiny face detector (face-api.js, MIT): a Tiny YOLOv2 with separable convolutions. Input: [1, 3, H, W] RGB 0-255, " +
            "the image padded to a square at its bottom or right and resized to H = W, a multiple of 32 (416 in face-api). " +
            "Output: [1, 25, H/32, W/32], per cell 5 anchors of (x, y, w, h, score) before the sigmoid and exponential."),
        Write(LandmarksFile, WeightManifest.Load(modelDirectory, "face_landmark_68_model"), Landmark68,
            "68-point face landmark net (face-api.js, MIT). Input: [N, 3, 112, 112] RGB 0-255, the face box padded to a " +
            "square in its centre and resized. Output: [N, 136], x0, y0, x1, y1... relative to the padded square."),
        Write(RecognitionFile, WeightManifest.Load(modelDirectory, "face_recognition_model"), Recognition,
            "Face recognition net: dlib's ResNet (dlib_face_recognition_resnet_model_v1, public domain) as ported by face-api.js " +
            "(MIT). Input: [N, 3, 150, 150] RGB 0-255, the dlib-aligned face box padded to a square in its centre and " +
            "resized. Output: [N, 128], the face descriptor; compare descriptors by Euclidean distance."),
    ];

    private static BuiltModel Write(string fileName, WeightManifest weights, Action<NetworkWriter> build, string description)
    {
        var graph = new GraphBuilder(Path.GetFileNameWithoutExtension(fileName));
        build(new NetworkWriter(graph, weights));
        weights.EnsureAllTaken();
        var metadata = new Dictionary<string, string>
        {
            ["source"] = $"@vladmandic/face-api {PackageVersion} model/{weights.ModelName}-weights_manifest.json",
            ["source_sha256"] = weights.SourceSha256,
        };
        return new BuiltModel(fileName, weights.ModelName, graph.ToModel(description, metadata));
    }

    /// <summary>TinyYolov2Base.runMobilenet with the TinyFaceDetector configuration (first layer a plain convolution, no conv6 and conv7).</summary>
    private static void TinyFaceDetector(NetworkWriter net)
    {
        var x = net.Graph.Input("image", 1, 3, "height", "width");
        x = net.Normalize(x, 117.001f, 114.697f, 97.404f);
        x = net.Conv(x, "conv0/filters", "conv0/bias", 3, 3, 16, 1, Padding.Valid, "conv0/out");
        x = Leaky(net, x, "conv0");
        int[] channels = [16, 32, 64, 128, 256, 512];
        for (var layer = 1; layer <= 5; layer++)
        {
            // Max pooling 2x2 halves the map before conv1 to conv5; after conv5 it keeps the size (stride 1, 'same').
            x = net.MaxPool(x, 2, 2, Padding.Same, $"pool{layer - 1}");
            x = net.SeparableConv(x, $"conv{layer}", channels[layer - 1], channels[layer], 1, Padding.One);
            x = Leaky(net, x, $"conv{layer}");
        }

        x = net.MaxPool(x, 2, 1, Padding.Same, "pool5");
        var output = net.Conv(x, "conv8/filters", "conv8/bias", 1, 512, 25, 1, Padding.Valid, "grid");
        net.Graph.Output(output, 1, 25, "grid_height", "grid_width");
    }

    /// <summary>face-api's leaky ReLU with alpha float32(0.1).</summary>
    private static string Leaky(NetworkWriter net, string x, string prefix) =>
        net.Graph.Node("LeakyRelu", $"{prefix}/leaky", [x], GraphBuilder.Float("alpha", 0.1f));

    /// <summary>FaceLandmark68Net: FaceFeatureExtractor (four dense blocks, average pooling) and a fully connected layer.</summary>
    private static void Landmark68(NetworkWriter net)
    {
        var x = net.Graph.Input("face", "batch", 3, 112, 112);
        x = net.Normalize(x, 122.782f, 117.001f, 104.298f);
        int[] channels = [3, 32, 64, 128, 256];
        for (var block = 0; block < 4; block++)
        {
            x = DenseBlock4(net, x, $"dense{block}", channels[block], channels[block + 1], isFirstLayer: block == 0);
        }

        x = net.AveragePool(x, 7, 2, "features/pool");
        x = net.Graph.Node("Flatten", "features", [x], GraphBuilder.Int("axis", 1));
        x = net.MatMul(x, "fc/weights", 256, 136, "fc/product");
        var bias = net.Graph.Initializer("fc/bias", [136], net.Weights.Take("fc/bias", 136).Values);
        var output = net.Add(x, bias, "landmarks");
        net.Graph.Output(output, "batch", 136);
    }

    /// <summary>denseBlock4: a strided first convolution, then three separable ones fed by the sums of all before them.</summary>
    private static string DenseBlock4(NetworkWriter net, string x, string prefix, int inChannels, int outChannels, bool isFirstLayer)
    {
        var first = isFirstLayer
            ? net.Conv(x, $"{prefix}/conv0/filters", $"{prefix}/conv0/bias", 3, inChannels, outChannels, 2, Padding.Same, $"{prefix}/conv0/out")
            : net.SeparableConv(x, $"{prefix}/conv0", inChannels, outChannels, 2, Padding.Same);
        var out1 = net.Relu(first, $"{prefix}/out1");
        var out2 = net.SeparableConv(out1, $"{prefix}/conv1", outChannels, outChannels, 1, Padding.Same);
        var in3 = net.Relu(net.Add(out1, out2, $"{prefix}/sum2"), $"{prefix}/in3");
        var out3 = net.SeparableConv(in3, $"{prefix}/conv2", outChannels, outChannels, 1, Padding.Same);
        var sum23 = net.Add(out2, out3, $"{prefix}/sum23");
        var in4 = net.Relu(net.Add(out1, sum23, $"{prefix}/sum3"), $"{prefix}/in4");
        var out4 = net.SeparableConv(in4, $"{prefix}/conv3", outChannels, outChannels, 1, Padding.Same);
        // The same order of additions as face-api: out1 + (out2 + (out3 + out4)).
        var sum34 = net.Add(out3, out4, $"{prefix}/sum34");
        var sum234 = net.Add(out2, sum34, $"{prefix}/sum234");
        return net.Relu(net.Add(out1, sum234, $"{prefix}/sum4"), $"{prefix}/out");
    }

    /// <summary>FaceRecognitionNet: dlib's ResNet-29 with a 128-d fully connected output.</summary>
    private static void Recognition(NetworkWriter net)
    {
        var x = net.Graph.Input("face", "batch", 3, 150, 150);
        x = net.Normalize(x, 122.782f, 117.001f, 104.298f);
        var size = 150;
        x = ConvLayer(net, x, "conv32_down", 7, 3, 32, 2, Padding.Valid, relu: true);
        size = ((size - 7) / 2) + 1;
        x = net.MaxPool(x, 3, 2, Padding.Valid, "conv32_down/pool");
        size = ((size - 3) / 2) + 1;
        (string Name, int Channels, bool Down)[] layers =
        [
            ("conv32_1", 32, false), ("conv32_2", 32, false), ("conv32_3", 32, false),
            ("conv64_down", 64, true), ("conv64_1", 64, false), ("conv64_2", 64, false), ("conv64_3", 64, false),
            ("conv128_down", 128, true), ("conv128_1", 128, false), ("conv128_2", 128, false),
            ("conv256_down", 256, true), ("conv256_1", 256, false), ("conv256_2", 256, false),
            ("conv256_down_out", 256, true),
        ];
        var channels = 32;
        foreach (var (name, outChannels, down) in layers)
        {
            if (down)
            {
                (x, size) = ResidualDown(net, x, name, channels, outChannels, size);
            }
            else
            {
                x = Residual(net, x, name, outChannels);
            }

            channels = outChannels;
        }

        x = net.Graph.Node("GlobalAveragePool", "features/mean", [x]);
        x = net.Graph.Node("Flatten", "features", [x], GraphBuilder.Int("axis", 1));
        var output = net.MatMul(x, "fc", 256, 128, "descriptor");
        net.Graph.Output(output, "batch", 128);
    }

    /// <summary>face-api's convLayer: convolution with bias, the scale layer, and a ReLU when asked.</summary>
    private static string ConvLayer(NetworkWriter net, string x, string prefix, int kernel, int inChannels, int outChannels, int stride, Padding padding, bool relu)
    {
        var conv = net.Conv(x, $"{prefix}/conv/filters", $"{prefix}/conv/bias", kernel, inChannels, outChannels, stride, padding, $"{prefix}/conv/out");
        var scaled = net.Scale(conv, $"{prefix}/scale", outChannels);
        return relu ? net.Relu(scaled, $"{prefix}/relu") : scaled;
    }

    private static string Residual(NetworkWriter net, string x, string prefix, int channels)
    {
        var out1 = ConvLayer(net, x, $"{prefix}/conv1", 3, channels, channels, 1, Padding.Same, relu: true);
        var out2 = ConvLayer(net, out1, $"{prefix}/conv2", 3, channels, channels, 1, Padding.Same, relu: false);
        return net.Relu(net.Add(out2, x, $"{prefix}/sum"), $"{prefix}/out");
    }

    /// <summary>
    /// residualDown: a strided 'valid' convolution beside a 2x2 average pooling of the input. Where the two maps differ
    /// in size, face-api appends one row and one column of zeros to the convolution's; where the channels double, it
    /// appends zero channels to the pooled input.
    /// </summary>
    private static (string Output, int Size) ResidualDown(NetworkWriter net, string x, string prefix, int inChannels, int outChannels, int size)
    {
        var out1 = ConvLayer(net, x, $"{prefix}/conv1", 3, inChannels, outChannels, 2, Padding.Valid, relu: true);
        var convSize = ((size - 3) / 2) + 1;
        var out2 = ConvLayer(net, out1, $"{prefix}/conv2", 3, outChannels, outChannels, 1, Padding.Same, relu: false);
        var pooled = net.AveragePool(x, 2, 2, $"{prefix}/pool");
        var pooledSize = size / 2;
        if (pooledSize != convSize)
        {
            if (pooledSize != convSize + 1)
            {
                throw new ModelBuildException(string.Create(CultureInfo.InvariantCulture, $"{prefix}: pooled {pooledSize} against {convSize}"));
            }

            out2 = net.PadEnd(out2, $"{prefix}/conv2/padded", 0, 1, 1);
        }

        if (inChannels != outChannels)
        {
            pooled = net.PadEnd(pooled, $"{prefix}/pool/padded", outChannels - inChannels, 0, 0);
        }

        return (net.Relu(net.Add(pooled, out2, $"{prefix}/sum"), $"{prefix}/out"), pooledSize);
    }
}
