using System.Diagnostics;
using Microsoft.Extensions.Options;
using SkiaSharp;
using Summit.Faces.Core;
using Summit.Server.Access.Gates;
using Summit.Server.Faces.Engine;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Faces.Settings;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Images;

namespace Summit.Server.Demo;

/// <summary>
/// Faces in the demo, through the Faces module's services as an accreditation officer and a security officer would: a few guests
/// enrolled at the desk from real faces (one face each, cut from the npm package's sample photos; drawn portraits are not faces to the
/// engine), their consent recorded first where the portal had none; the VIPs among them marked for the face lane; the east gate marked
/// as a face lane; and a borrower's face, not enrolled, for the lent badge. The live morning then plays the lane and the lent badge with
/// frames cut from the same photos.
/// </summary>
internal static class DemoFaces
{
    /// <summary>The VIP and staff gate: the VIPs' face lane, where the lent badge is shown too.</summary>
    public const string LaneGate = "E1";

    private const int LaneVipCount = 4;

    /// <summary>
    /// Faces at least this far apart are clearly different people for the engine (0.45 is the default threshold, 0.1 the face lane's
    /// margin): a VIP's frame then never stands near another VIP, nor the borrower's face near the holder's template.
    /// </summary>
    private const double DistinctFaces = 0.6;

    /// <summary>A desk portrait shows the head and shoulders: the face's width times this.</summary>
    private const double PortraitSpan = 2.2;

    /// <summary>A lane camera sees more around the face, at a lower resolution and a stronger compression than the desk photo.</summary>
    private const double FrameSpan = 3.0;

    private const double FrameScale = 0.8;

    /// <summary>A gate camera's 640 x 480 is enough for the face check (docs/guide/faces.md): no frame is larger.</summary>
    private const int FrameMaxSide = 640;

    private const int FrameQuality = 75;

    private static readonly Actor DemoActor = new(null, "demo", null);

    /// <summary>Enrols the cast when the sample photos can be had; returns it (null without faces) and the banner's lines.</summary>
    public static async Task<(DemoFaceCast? Cast, string Text)> SeedAsync(IServiceProvider services, IReadOnlyList<Guest> guests,
        IReadOnlyDictionary<Guid, string> categoryCodes, Guid? reservedGuestId, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<DemoFaceOptions>>().Value;
        if (!options.Enabled)
        {
            return (null, "Faces: off (Summit:Demo:Faces:Enabled), no face scenes. / 人脸：已关闭，演示不含人脸场景。");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoFaces));
        var (folder, problem) = await DemoFacePhotos.ObtainAsync(options, logger, ct);
        if (folder is null)
        {
            return (null, $"Faces: the sample photos of {DemoFacePhotos.Package} {DemoFacePhotos.Version} could not be obtained ({problem}), so the demo "
                + "enrols no faces and plays no face scenes. / 人脸：无法获取示例照片，演示不录入人脸，也不演示人脸场景。");
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(DemoActor);
        var watch = Stopwatch.StartNew();
        var (faces, others) = await SampleFacesAsync(provider.GetRequiredService<IFaceAnalyzer>(), folder, logger, ct);
        if (faces.Count == 0)
        {
            return (null, "Faces: no face of the sample photos passed the enrolment check, so the demo enrols no faces. "
                + "/ 人脸：示例照片中没有通过录入检查的人脸，演示不录入人脸。");
        }

        // People who have not arrived yet, so that the morning brings them to the gate; never the VIP kept for the gate agent.
        List<Guest> Waiting(params string[] categories) => [.. guests.Where(g => g.Status == GuestStatus.Accredited && g.Id != reservedGuestId
            && g.ParticipationMode == ParticipationMode.InPerson && categories.Contains(categoryCodes[g.CategoryId]))];
        var vips = Waiting("VIP");
        var pair = Waiting("Speaker", "Staff");
        // Few sample faces pass the enrolment check (3 of 20 with the default engine): the lane's VIPs and the badge's holder take those;
        // the borrower needs no template, only a face the engine finds that lies clearly apart from the holder's.
        var borrowerFace = faces.Count >= 2
            ? others.Where(o => o.Descriptor.DistanceTo(faces[0].Descriptor) > DistinctFaces).Select(o => (SampleFace?)o).FirstOrDefault()
            : null;
        var lentBadge = borrowerFace is not null && pair.Count >= 2;
        var vipFaces = faces.Skip(lentBadge ? 1 : 0).Take(Math.Min(LaneVipCount, vips.Count)).ToList();

        var enrolment = provider.GetRequiredService<FaceEnrolmentService>();
        async Task<DemoFace> EnrolAsync(Guest guest, SampleFace face)
        {
            // As at the desk: the officer records the consent the guest gives there, unless the portal has it already.
            await enrolment.EnrolFromDeskPhotoAsync(guest.Id, face.Portrait, consentRecorded: true, ct);
            return face.Face with { GuestId = guest.Id };
        }

        var holder = lentBadge ? await EnrolAsync(pair[0], faces[0]) : null;
        var borrower = lentBadge && borrowerFace is { } borrowed ? borrowed.Face with { GuestId = pair[1].Id } : null;
        var laneVips = new List<DemoFace>();
        for (var i = 0; i < vipFaces.Count; i++)
        {
            laneVips.Add(await EnrolAsync(vips[i], vipFaces[i]));
        }

        if (laneVips.Count > 0)
        {
            var marked = await enrolment.SetFastLaneManyAsync(new FastLaneSelection([.. laneVips.Select(v => v.GuestId)], FastLane: true), ct);
            if (marked.Refused.Count > 0)
            {
                throw new InvalidOperationException($"The demo could not mark its enrolled VIPs for the face lane: {marked.Refused[0].Code}");
            }
        }

        var gate = (await provider.GetRequiredService<GateService>().ListGatesAsync(ct)).Single(g => g.Code == LaneGate);
        await provider.GetRequiredService<FaceSettingsService>().SwitchGateAsync(gate.Id, new GateFaceInput(FacesOn: true, FaceLane: true), ct);
        var cast = new DemoFaceCast(LaneGate, laneVips, holder, borrower);
        var enrolled = laneVips.Count + (holder is null ? 0 : 1);
        logger.LogInformation("Demo: {Enrolled} guests enrolled from the sample photos' faces in {Seconds:0.0} s", enrolled, watch.Elapsed.TotalSeconds);
        return (cast, $"Faces: {enrolled} guests enrolled at the desk from real faces (the sample photos of {DemoFacePhotos.Package}), consent recorded; "
            + $"{laneVips.Count} VIPs on the face lane at {LaneGate} ({gate.NameEn}){(lentBadge ? "; a lent badge to refuse there in the live morning" : "")}."
            + $"\n人脸：{enrolled} 位嘉宾以真实人脸照片在证件办理处录入（已记录同意）；{laneVips.Count} 位贵宾可走 {LaneGate} 人脸通道"
            + $"{(lentBadge ? "；直播早晨将在该闸拒绝一张借用的证件" : "")}。");
    }

    /// <summary>The desk photo of a face: its head and shoulders cut out of the sample photo, as a camera at the desk takes it.</summary>
    public static byte[] Portrait(byte[] photo, DemoFace face) => Cut(photo, face, PortraitSpan, 1.0, int.MaxValue, 92);

    /// <summary>A lane camera's frame of a face: more around it, smaller and compressed again, so never the enrolled picture itself.</summary>
    public static byte[] LaneFrame(byte[] photo, DemoFace face) => Cut(photo, face, FrameSpan, FrameScale, FrameMaxSide, FrameQuality);

    /// <summary>
    /// The faces of the sample photos, in photo order: those the enrolment check accepts (on exactly the bytes the desk upload will give
    /// it) and that lie clearly apart from each other; and the others the engine finds in their desk photo (turned, tilted...).
    /// </summary>
    private static async Task<(List<SampleFace> Enrollable, List<SampleFace> Others)> SampleFacesAsync(IFaceAnalyzer analyzer, string folder, ILogger logger,
        CancellationToken ct)
    {
        var chosen = new List<SampleFace>();
        var others = new List<SampleFace>();
        foreach (var name in DemoFacePhotos.Names)
        {
            var photo = await File.ReadAllBytesAsync(DemoFacePhotos.PathOf(folder, name), ct);
            foreach (var detected in analyzer.Faces(FaceImage.Decode(photo)).OrderBy(f => f.AlignedBox.X))
            {
                var box = detected.AlignedBox;
                var face = new DemoFace(Guid.Empty, name, (int)Math.Round(box.X + (box.Width / 2)), (int)Math.Round(box.Y + (box.Height / 2)),
                    (int)Math.Round(box.Width));
                var portrait = Portrait(photo, face);
                FaceQualityReport report;
                try
                {
                    report = analyzer.CheckEnrolment(FaceImage.Decode(PhotoProcessor.Process(portrait).Jpeg));
                }
                catch (SummitException ex)
                {
                    // Refused by the photo rules (too small a face to make a 200-pixel photo): not a desk photo.
                    logger.LogDebug("Demo: {Photo} face at ({X}, {Y}) makes no desk photo ({Reason})", name, face.CentreX, face.CentreY, ex.Message);
                    continue;
                }

                var analysed = report.Face;
                var nearest = analysed is null || chosen.Count == 0 ? double.PositiveInfinity : chosen.Min(c => c.Descriptor.DistanceTo(analysed.Descriptor));
                logger.LogDebug("Demo: {Photo} face at ({X}, {Y}), {Width} px wide: issues [{Issues}], nearest chosen face {Nearest:0.00}", name, face.CentreX,
                    face.CentreY, face.FaceWidth, string.Join(' ', report.Issues.Select(i => i.Code())), nearest);
                if (analysed is null)
                {
                    // Not even found in its desk photo: no use as a face.
                    continue;
                }

                (report.Acceptable && nearest > DistinctFaces ? chosen : others).Add(new SampleFace(face, portrait, analysed.Descriptor));
            }
        }

        return (chosen, others);
    }

    /// <summary>A face of a sample photo, its desk photo and what the engine computed of it.</summary>
    private readonly record struct SampleFace(DemoFace Face, byte[] Portrait, FaceDescriptor Descriptor);

    /// <summary>A square of <paramref name="span"/> face widths around the face (clipped to the photo), scaled, as a JPEG.</summary>
    private static byte[] Cut(byte[] photo, DemoFace face, double span, double scale, int maxSide, int quality)
    {
        using var source = SKImage.FromEncodedData(photo) ?? throw new InvalidOperationException($"{face.Photo} is no image SkiaSharp reads");
        var half = face.FaceWidth * span / 2;
        var region = new SKRectI(Math.Max(0, (int)(face.CentreX - half)), Math.Max(0, (int)(face.CentreY - half)),
            Math.Min(source.Width, (int)(face.CentreX + half)), Math.Min(source.Height, (int)(face.CentreY + half)));
        scale = Math.Min(scale, (double)maxSide / Math.Max(region.Width, region.Height));
        var (width, height) = (Math.Max(1, (int)Math.Round(region.Width * scale)), Math.Max(1, (int)Math.Round(region.Height * scale)));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.DrawImage(source, SKRect.Create(region.Left, region.Top, region.Width, region.Height), SKRect.Create(width, height),
            new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
