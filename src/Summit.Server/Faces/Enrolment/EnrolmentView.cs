namespace Summit.Server.Faces.Enrolment;

/// <summary>A guest's face enrolment as staff see it: never the template, only whether one is stored and why not.</summary>
/// <param name="ConsentGiven">The guest's face consent stands.</param>
/// <param name="State">Null when nothing was ever enrolled or queued.</param>
/// <param name="FastLane">The guest may pass a face lane without a code (ADR 0034).</param>
public sealed record EnrolmentView(Guid GuestId, bool ConsentGiven, bool HasPhoto, FaceEnrolmentState? State, FaceEnrolmentSource? Source,
    IReadOnlyList<FaceIssueView> Issues, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool FastLane);
