namespace Summit.Server.Faces.Enrolment;

/// <param name="FastLane">Whether the enrolled guest may pass a face lane without a code.</param>
public sealed record FastLaneInput(bool FastLane);
