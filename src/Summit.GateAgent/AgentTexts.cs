using Summit.Access.Core;

namespace Summit.GateAgent;

/// <summary>
/// The agent's own texts for gate staff: notices and closures. The verdicts' texts are <see cref="GateVerdictTexts"/>, which the
/// server shares.
/// </summary>
public static class AgentTexts
{
    /// <summary>
    /// An entry admitted at a screened lane while the agent cannot hear from the server: a fever hold raised meanwhile is unknown here.
    /// </summary>
    /// <param name="since">When the agent last heard the lane's holds, as the staff read the time; null when never.</param>
    public static BilingualText HoldsUnknown(string? since) => since is null
        ? new("Screening holds unknown: this gate has not reached the server yet; watch the infrared display.",
            "体温筛查暂停状态未知：本闸机尚未连上服务器；请留意红外测温显示屏。")
        : new($"Screening holds unknown since {since}: this gate cannot reach the server; watch the infrared display.",
            $"自 {since} 起体温筛查暂停状态未知：本闸机无法连接服务器；请留意红外测温显示屏。");

    /// <summary>A refusal by a hold the agent learnt before it lost the server: an officer may have cleared it since.</summary>
    public static BilingualText HoldLastKnown(string since) =>
        new($"Hold as last known at {since}: this gate cannot reach the server to learn of its clearing; ask the security officer.",
            $"此为 {since} 时最后获知的暂停状态：本闸机无法连接服务器获知是否已解除；请询问安保人员。");

    /// <summary>What the agent knows of a zone with a hard capacity: the server's count at the last sync plus this gate's own scans.</summary>
    public static BilingualText ApproximateCount(int inside, int capacity, string? asOf) => asOf is null
        ? new($"Approximate count at this gate: {inside} of {capacity} inside (this gate's own scans only).",
            $"本闸机的近似计数：区域内 {inside} / {capacity} 人（仅本闸机的扫码）。")
        : new($"Approximate count at this gate: {inside} of {capacity} inside (the server's count at {asOf} plus this gate's scans since).",
            $"本闸机的近似计数：区域内 {inside} / {capacity} 人（{asOf} 时服务器的计数加上本闸机此后的扫码）。");

    /// <summary>A holder with a template was admitted on the code alone: this PC has no camera source to take a frame from.</summary>
    public static BilingualText FaceNoCamera { get; } =
        new("Face check not made: this gate PC has no camera source; check the person against the badge photo.",
            "未进行人脸核验：本闸机电脑未配置摄像头来源；请对照证件照片核验本人。");

    /// <summary>A holder with a template was admitted on the code alone: the face engine cannot run on this PC.</summary>
    public static BilingualText FaceNoEngine { get; } =
        new("Face check not made: the face engine cannot run on this gate PC; check the person against the badge photo.",
            "未进行人脸核验：本闸机电脑无法运行人脸识别引擎；请对照证件照片核验本人。");

    /// <summary>The camera gave no frame: no face to compare, so the face check refuses and the staff check the person.</summary>
    public static BilingualText FaceNoFrame { get; } =
        new("The camera gave no frame: no face to compare.", "摄像头未提供画面：无人脸可比对。");

    public static BilingualText Join(BilingualText? first, BilingualText? second) => (first, second) switch
    {
        ({ } a, { } b) => new($"{a.En} {b.En}", $"{a.Zh}{b.Zh}"),
        ({ } a, null) => a,
        (null, { } b) => b,
        _ => throw new ArgumentException("nothing to join"),
    };

    public static BilingualText For(ClosureCause cause) => cause switch
    {
        ClosureCause.DeviceRevoked => new("The server refused this device's token: the device was revoked.", "服务器拒绝了本设备的令牌：设备已被吊销。"),
        ClosureCause.NoPolicy => new("No access policy yet: the gate must sync with the server once.", "尚无通行策略：闸机须先与服务器同步一次。"),
        ClosureCause.LaneNotServed => new("This gate has no lane in that direction.", "本闸机没有该方向的通道。"),
        ClosureCause.JournalFailure => new("The scan could not be written to the journal.", "扫码记录无法写入日志。"),
        _ => new($"Closed ({(int)cause}).", $"已关闭（{(int)cause}）。"),
    };
}
