using System.Buffers.Binary;
using Google.Protobuf;
using Summit.Faces.ModelBuilder.Onnx;

namespace Summit.Faces.ModelBuilder;

/// <summary>
/// Writes an ONNX graph node by node. Tensors get the names face-api gives its weights, nodes are numbered in the order
/// they are added, and nothing depends on time or machine, so the same weights always give the same bytes.
/// </summary>
internal sealed class GraphBuilder(string name)
{
    /// <summary>Opset 13 has every operator the three networks need and is read by every ONNX Runtime since 1.6.</summary>
    public const int OpsetVersion = 13;

    private const int IrVersion = 7;

    private readonly GraphProto _graph = new() { Name = name };
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _nodes;

    /// <summary>A float input in NCHW; a dimension is a number or a symbolic name (dynamic).</summary>
    public string Input(string inputName, params object[] dims)
    {
        _graph.Input.Add(ValueInfo(inputName, dims));
        return Claim(inputName);
    }

    public void Output(string value, params object[] dims) => _graph.Output.Add(ValueInfo(value, dims));

    public string Initializer(string tensorName, long[] dims, ReadOnlySpan<float> values)
    {
        if (dims.Aggregate(1L, (a, b) => a * b) != values.Length)
        {
            throw new ModelBuildException($"{tensorName}: {values.Length} values for shape [{string.Join(", ", dims)}]");
        }

        var raw = new byte[values.Length * 4];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        }

        var tensor = new TensorProto { Name = Claim(tensorName), DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return tensorName;
    }

    public string Int64Initializer(string tensorName, params long[] values)
    {
        var raw = new byte[values.Length * 8];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        var tensor = new TensorProto { Name = Claim(tensorName), DataType = (int)TensorProto.Types.DataType.Int64, RawData = ByteString.CopyFrom(raw) };
        tensor.Dims.Add(values.Length);
        _graph.Initializer.Add(tensor);
        return tensorName;
    }

    /// <summary>Adds one node and returns the name of its output, <paramref name="output"/>.</summary>
    public string Node(string opType, string output, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nodes++}" };
        node.Input.AddRange(inputs);
        node.Output.Add(Claim(output));
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return output;
    }

    public byte[] ToModel(string docString, IReadOnlyDictionary<string, string> metadata)
    {
        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Summit.Faces.ModelBuilder",
            ProducerVersion = "1",
            Domain = "summit.faces",
            ModelVersion = 1,
            DocString = docString,
            Graph = _graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        foreach (var (key, value) in metadata.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model.ToByteArray();
    }

    public static AttributeProto Ints(string attributeName, params long[] values)
    {
        var attribute = new AttributeProto { Name = attributeName, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string attributeName, long value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string attributeName, float value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto String(string attributeName, string value) =>
        new() { Name = attributeName, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    private string Claim(string value) =>
        _names.Add(value) ? value : throw new ModelBuildException($"{name}: the name {value} is used twice");

    private static ValueInfoProto ValueInfo(string valueName, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                _ => throw new ArgumentException($"dimension {dim} is neither a size nor a name", nameof(dims)),
            });
        }

        return new ValueInfoProto
        {
            Name = valueName,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
