namespace Summit.Faces.Core;

/// <summary>One bar of a distance histogram: how many genuine and impostor distances fell in [From, To).</summary>
public sealed record DistanceBin(double From, double To, int Genuine, int Impostor);
