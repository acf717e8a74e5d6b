namespace Summit.Faces.Core;

/// <summary>What the liveness check of a burst of frames found.</summary>
public enum FaceLivenessOutcome
{
    /// <summary>One face in every frame, the same person throughout, and the head turned: passes.</summary>
    Live = 0,

    /// <summary>Fewer frames than the check needs.</summary>
    TooFewFrames = 1,

    /// <summary>A frame without a face, or with more than one.</summary>
    NotOneFace = 2,

    /// <summary>The frames do not all show the same person (a face swapped between frames).</summary>
    NotSamePerson = 3,

    /// <summary>The face did not turn between the frames: a still picture, a flat photo moved about, or a person who stood still.</summary>
    NoTurn = 4,
}
