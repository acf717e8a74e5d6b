namespace Summit.Faces.Core;

/// <summary>What the check measured on the face it judged.</summary>
public sealed record FaceMeasures(double Size, double Yaw, double RollDegrees, double Pitch, double Sharpness);
