namespace Summit.Faces.Core;

/// <summary>
/// Why an image cannot be used for a face, or why a face cannot be enrolled. Each has a stable code
/// (<see cref="FaceIssues.Code"/>) and a text in English and Simplified Chinese that says what to do about it.
/// The numbers are stable (stage 2 stores them): never renumber, only add.
/// </summary>
public enum FaceIssue
{
    /// <summary>Not a JPEG or PNG, or damaged.</summary>
    ImageUnreadable = 1,

    /// <summary>More bytes or pixels than a face image may have.</summary>
    ImageTooLarge = 2,

    /// <summary>No face found.</summary>
    NoFace = 10,

    /// <summary>More than one face: an enrolment photo must show one person.</summary>
    SeveralFaces = 11,

    /// <summary>The face is too small in the image for a reliable template.</summary>
    FaceTooSmall = 12,

    /// <summary>The face reaches beyond the edge of the image.</summary>
    FaceCutOff = 13,

    /// <summary>The head is turned to one side.</summary>
    FaceTurned = 14,

    /// <summary>The head is tilted (the eyes are not level).</summary>
    FaceTilted = 15,

    /// <summary>The head is raised or lowered.</summary>
    FaceRaisedOrLowered = 16,

    /// <summary>The face is blurred (out of focus or moving).</summary>
    FaceBlurred = 17,
}
