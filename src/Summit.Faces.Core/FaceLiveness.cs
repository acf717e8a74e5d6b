namespace Summit.Faces.Core;

/// <summary>
/// The liveness check of a short burst of camera frames (docs/adr/0035-face-liveness-by-head-turn.md): passes only when every
/// frame shows exactly one face, all of them the same person, and the head turned between the frames.
/// <para>
/// The turn is read from stable points only (the eyes' centres, the mouth's corners and the nose tip; never the jaw, whose
/// landmarks jitter): where the nose tip lies across the face, as an affine coordinate in the frame of the two eyes and the
/// middle of the mouth (<see cref="NoseAcross"/>). Any affine map of the picture keeps an affine coordinate, so a flat
/// photo moved, turned in the image plane, scaled, sheared or tilted (as far as a tilt is affine) keeps it; what changes it is a
/// nose standing out of the face's plane while the head turns. It does not see a picture that is itself a moving head: a
/// video replayed on a screen, a mask worn by someone, a photo bent around a cylinder and rocked.
/// </para>
/// Pure and cheap: a few arithmetic operations per frame on what <see cref="FaceEngine.Analyze"/> already gave.
/// </summary>
public static class FaceLiveness
{
    /// <param name="frames">The faces found in each frame of the burst, oldest first.</param>
    public static FaceLivenessResult Judge(IReadOnlyList<IReadOnlyList<FaceAnalysis>> frames, FaceLivenessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        options ??= new FaceLivenessOptions();
        if (frames.Count < options.MinFrames)
        {
            return new FaceLivenessResult(FaceLivenessOutcome.TooFewFrames, 0, 0);
        }

        if (frames.Any(faces => faces.Count != 1))
        {
            return new FaceLivenessResult(FaceLivenessOutcome.NotOneFace, 0, 0);
        }

        var faces = frames.Select(faces => faces[0]).ToList();
        double farthest = 0;
        for (var i = 0; i < faces.Count; i++)
        {
            for (var j = i + 1; j < faces.Count; j++)
            {
                farthest = Math.Max(farthest, faces[i].Descriptor.DistanceTo(faces[j].Descriptor));
            }
        }

        var across = faces.Select(face => NoseAcross(face.Landmarks)).ToList();
        var turn = across.Max() - across.Min();
        if (!double.IsFinite(turn) || farthest >= options.SamePersonThreshold)
        {
            return new FaceLivenessResult(FaceLivenessOutcome.NotSamePerson, double.IsFinite(turn) ? turn : 0, farthest);
        }

        return new FaceLivenessResult(turn >= options.MinTurn ? FaceLivenessOutcome.Live : FaceLivenessOutcome.NoTurn, turn, farthest);
    }

    /// <summary>
    /// Where the nose tip (landmark 30) lies across the face: <c>a</c> in nose − E = a (R − L) + b (M − E), L and R the centres of
    /// the eyes (points 36-41, 42-47), E the middle between them, M the middle of the mouth's corners (48, 54). Near 0 for a face
    /// looking at the camera, negative towards the eye on the image's left, positive towards the other; a head turned by about
    /// 20° (a jaw yaw of 0.3 in <see cref="FaceQuality"/>) moves it by about 0.15. Unchanged by any affine map of the image.
    /// NaN when the three points are in a line.
    /// </summary>
    public static double NoseAcross(FaceLandmarks landmarks)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        var points = landmarks.Points;
        FacePoint left = landmarks.LeftEye, right = landmarks.RightEye, nose = landmarks.NoseTip;
        var eyes = new FacePoint((left.X + right.X) / 2, (left.Y + right.Y) / 2);
        var mouth = new FacePoint((points[48].X + points[54].X) / 2, (points[48].Y + points[54].Y) / 2);
        double ux = right.X - left.X, uy = right.Y - left.Y, vx = mouth.X - eyes.X, vy = mouth.Y - eyes.Y;
        double nx = nose.X - eyes.X, ny = nose.Y - eyes.Y;
        var determinant = (ux * vy) - (uy * vx);
        return Math.Abs(determinant) < 1e-9 ? double.NaN : ((nx * vy) - (ny * vx)) / determinant;
    }
}
