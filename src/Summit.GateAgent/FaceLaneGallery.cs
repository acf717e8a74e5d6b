using Summit.Faces.Core;

namespace Summit.GateAgent;

/// <summary>The face lane's VIPs opened for the 1:N search, and the code of each, with which the lane decides as the person's code would be.</summary>
internal sealed record FaceLaneGallery(FaceGallery<Guid> Gallery, IReadOnlyDictionary<Guid, string> Codes);
