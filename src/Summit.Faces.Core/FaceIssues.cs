namespace Summit.Faces.Core;

public static class FaceIssues
{
    /// <summary>The stable reason code, as the rest of Summit writes them.</summary>
    public static string Code(this FaceIssue issue) => issue switch
    {
        FaceIssue.ImageUnreadable => "face.image_unreadable",
        FaceIssue.ImageTooLarge => "face.image_too_large",
        FaceIssue.NoFace => "face.none",
        FaceIssue.SeveralFaces => "face.several",
        FaceIssue.FaceTooSmall => "face.too_small",
        FaceIssue.FaceCutOff => "face.cut_off",
        FaceIssue.FaceTurned => "face.turned",
        FaceIssue.FaceTilted => "face.tilted",
        FaceIssue.FaceRaisedOrLowered => "face.raised_or_lowered",
        FaceIssue.FaceBlurred => "face.blurred",
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, null),
    };

    /// <summary>What the guest or the officer taking the photo reads: the problem and what to do.</summary>
    public static FaceText Text(this FaceIssue issue) => issue switch
    {
        FaceIssue.ImageUnreadable => new("The image cannot be read: use a JPEG or PNG photo.", "无法读取该图像：请使用 JPEG 或 PNG 照片。"),
        FaceIssue.ImageTooLarge => new("The image is too large: use a smaller photo.", "图像过大：请使用较小的照片。"),
        FaceIssue.NoFace => new("No face found: face the camera in good light, without anything covering the face.", "未检测到人脸：请在光线充足处正对镜头，勿遮挡面部。"),
        FaceIssue.SeveralFaces => new("More than one face: the photo must show only the guest.", "检测到多张人脸：照片中只能有本人。"),
        FaceIssue.FaceTooSmall => new("The face is too small: come closer to the camera.", "人脸过小：请靠近镜头。"),
        FaceIssue.FaceCutOff => new("The face is cut off: keep the whole head inside the picture.", "人脸不完整：请让整个头部位于画面内。"),
        FaceIssue.FaceTurned => new("The head is turned: look straight at the camera.", "头部侧转：请正视镜头。"),
        FaceIssue.FaceTilted => new("The head is tilted: keep it upright, eyes level.", "头部倾斜：请保持头部端正、双眼水平。"),
        FaceIssue.FaceRaisedOrLowered => new("The head is raised or lowered: look straight ahead.", "头部上仰或低垂：请平视前方。"),
        FaceIssue.FaceBlurred => new("The photo is blurred: hold still and take it again in focus.", "照片模糊：请保持不动，对焦后重拍。"),
        _ => throw new ArgumentOutOfRangeException(nameof(issue), issue, null),
    };
}
