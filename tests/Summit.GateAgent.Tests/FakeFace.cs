using Summit.Faces.Core;

namespace Summit.GateAgent.Tests;

/// <summary>One enrolled person the gate can admit; a face-lane VIP carries their code.</summary>
internal sealed record FakeFace(Guid HolderId, FaceDescriptor Descriptor, bool FastLane = false, string? Code = null);
