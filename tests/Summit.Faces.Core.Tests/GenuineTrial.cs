namespace Summit.Faces.Core.Tests;

/// <summary>A same-person comparison: a variant's face against its original, or a missed face (no distance).</summary>
public sealed record GenuineTrial(string Face, FaceVariant Variant, FaceDescriptor? Probe, double? Distance);
