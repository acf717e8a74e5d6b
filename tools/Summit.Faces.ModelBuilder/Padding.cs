namespace Summit.Faces.ModelBuilder;

/// <summary>How a TensorFlow convolution pads its input.</summary>
internal enum Padding
{
    /// <summary>TensorFlow 'valid': no padding.</summary>
    Valid,

    /// <summary>TensorFlow 'same': the output is ceil(input / stride); an odd total pad puts the extra row at the end.</summary>
    Same,

    /// <summary>One pixel of zeros on every side (face-api pads explicitly before a 'valid' 3x3 convolution).</summary>
    One,
}
