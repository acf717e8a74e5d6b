namespace Summit.Faces.ModelBuilder;

/// <summary>
/// The layers face-api builds with TensorFlow.js, written as ONNX nodes: TensorFlow's NHWC weights are turned into
/// ONNX's NCHW layout here, so the graphs take and give NCHW tensors.
/// </summary>
internal sealed class NetworkWriter(GraphBuilder graph, WeightManifest weights)
{
    public GraphBuilder Graph { get; } = graph;

    public WeightManifest Weights { get; } = weights;

    /// <summary>(x - mean) / 255 per channel: the input normalization of all three face-api networks.</summary>
    public string Normalize(string x, float red, float green, float blue)
    {
        var mean = Graph.Initializer("input/mean_rgb", [1, 3, 1, 1], [red, green, blue]);
        var divisor = Graph.Initializer("input/divisor", [], [255f]);
        var centred = Graph.Node("Sub", "input/centred", [x, mean]);
        return Graph.Node("Div", "input/normalized", [centred, divisor]);
    }

    /// <summary>tf.conv2d with a [k, k, in, out] filter, plus the bias named <paramref name="biasName"/> if given.</summary>
    public string Conv(string x, string filtersName, string? biasName, int kernel, int inChannels, int outChannels, int stride, Padding padding, string output)
    {
        var filters = Weights.Take(filtersName, kernel, kernel, inChannels, outChannels);
        var w = Graph.Initializer(filtersName, [outChannels, inChannels, kernel, kernel], ToOihw(filters.Values, kernel, inChannels, outChannels));
        List<string> inputs = [x, w];
        if (biasName is not null)
        {
            inputs.Add(Graph.Initializer(biasName, [outChannels], Weights.Take(biasName, outChannels).Values));
        }

        return Graph.Node("Conv", output, inputs, ConvAttributes(kernel, stride, padding, group: 1));
    }

    /// <summary>tf.separableConv2d (a 3x3 depthwise convolution, then a 1x1 one) plus the bias, as face-api names them.</summary>
    public string SeparableConv(string x, string prefix, int inChannels, int outChannels, int stride, Padding padding)
    {
        var depthwise = Weights.Take($"{prefix}/depthwise_filter", 3, 3, inChannels, 1);
        var dw = Graph.Initializer($"{prefix}/depthwise_filter", [inChannels, 1, 3, 3], ToOihw(depthwise.Values, 3, inChannels, 1, depthwise: true));
        var inner = Graph.Node("Conv", $"{prefix}/depthwise", [x, dw], ConvAttributes(3, stride, padding, group: inChannels));
        return Conv(inner, $"{prefix}/pointwise_filter", $"{prefix}/bias", 1, inChannels, outChannels, 1, Padding.Valid, $"{prefix}/out");
    }

    /// <summary>x * weights + biases per channel (face-api's scale layer, dlib's affine layer).</summary>
    public string Scale(string x, string prefix, int channels)
    {
        var weightsName = Graph.Initializer($"{prefix}/weights", [channels, 1, 1], Weights.Take($"{prefix}/weights", channels).Values);
        var biasesName = Graph.Initializer($"{prefix}/biases", [channels, 1, 1], Weights.Take($"{prefix}/biases", channels).Values);
        var scaled = Graph.Node("Mul", $"{prefix}/scaled", [x, weightsName]);
        return Graph.Node("Add", $"{prefix}/out", [scaled, biasesName]);
    }

    /// <summary>A fully connected layer: MatMul with the [in, out] weights (TensorFlow's layout is already MatMul's).</summary>
    public string MatMul(string x, string weightsName, int inputs, int outputs, string output)
    {
        var w = Graph.Initializer(weightsName, [inputs, outputs], Weights.Take(weightsName, inputs, outputs).Values);
        return Graph.Node("MatMul", output, [x, w]);
    }

    public string Add(string a, string b, string output) => Graph.Node("Add", output, [a, b]);

    public string Relu(string x, string output) => Graph.Node("Relu", output, [x]);

    public string MaxPool(string x, int kernel, int stride, Padding padding, string output) =>
        Graph.Node("MaxPool", output, [x], PoolAttributes(kernel, stride, padding));

    public string AveragePool(string x, int kernel, int stride, string output) =>
        Graph.Node("AveragePool", output, [x], PoolAttributes(kernel, stride, Padding.Valid));

    /// <summary>Zeros appended at the end of each axis (NCHW order), as tf.concat with tf.zeros does in face-api.</summary>
    public string PadEnd(string x, string output, long channels, long height, long width)
    {
        var pads = Graph.Int64Initializer($"{output}/pads", 0, 0, 0, 0, 0, channels, height, width);
        return Graph.Node("Pad", output, [x, pads], GraphBuilder.String("mode", "constant"));
    }

    private static Onnx.AttributeProto[] ConvAttributes(int kernel, int stride, Padding padding, int group)
    {
        List<Onnx.AttributeProto> attributes =
        [
            GraphBuilder.Ints("kernel_shape", kernel, kernel),
            GraphBuilder.Ints("strides", stride, stride),
            GraphBuilder.Int("group", group),
        ];
        attributes.Add(PaddingAttribute(padding));
        return [.. attributes];
    }

    private static Onnx.AttributeProto[] PoolAttributes(int kernel, int stride, Padding padding) =>
        [GraphBuilder.Ints("kernel_shape", kernel, kernel), GraphBuilder.Ints("strides", stride, stride), PaddingAttribute(padding)];

    private static Onnx.AttributeProto PaddingAttribute(Padding padding) => padding switch
    {
        Padding.Valid => GraphBuilder.String("auto_pad", "VALID"),
        // ONNX's SAME_UPPER is TensorFlow's 'same': an odd total pad puts the extra row and column at the end.
        Padding.Same => GraphBuilder.String("auto_pad", "SAME_UPPER"),
        _ => GraphBuilder.Ints("pads", 1, 1, 1, 1),
    };

    /// <summary>TensorFlow's [k, k, in, out] (or [k, k, channels, 1] for depthwise) to ONNX's [out, in, k, k] ([channels, 1, k, k]).</summary>
    private static float[] ToOihw(float[] hwio, int kernel, int inChannels, int outChannels, bool depthwise = false)
    {
        var result = new float[hwio.Length];
        for (var y = 0; y < kernel; y++)
        {
            for (var x = 0; x < kernel; x++)
            {
                for (var i = 0; i < inChannels; i++)
                {
                    for (var o = 0; o < outChannels; o++)
                    {
                        var source = (((y * kernel) + x) * inChannels * outChannels) + (i * outChannels) + o;
                        // Depthwise: each input channel i has its own filter, which becomes ONNX output channel i.
                        var target = depthwise
                            ? (((i * kernel) + y) * kernel) + x
                            : (((((o * inChannels) + i) * kernel) + y) * kernel) + x;
                        result[target] = hwio[source];
                    }
                }
            }
        }

        return result;
    }
}
