namespace Summit.Access.Core;

/// <summary>
/// What a gate says of each verdict, in English and Simplified Chinese: the one catalog of these texts. The gate agent
/// decides offline and prints them; the server serves them as its <c>verdict.&lt;Reason&gt;</c> texts (gate console, live
/// page, device API, reports), so both always say the same.
/// </summary>
public static class GateVerdictTexts
{
    /// <summary>The texts for a reason; a number this build does not know (from a newer agent) still reads as a refusal.</summary>
    public static VerdictText For(ReasonCode reason) => reason switch
    {
        ReasonCode.Admitted => new("Admitted", "准予通行"),
        ReasonCode.AdmittedWithAlert => new("Admitted: second entry without exit, operations alerted", "准予通行：未出场再次入场，已通知运行中心"),
        ReasonCode.BadFormat => new("Not a Summit code", "不是有效的 Summit 通行码"),
        ReasonCode.BadSignature => new("Forged or altered code", "通行码被伪造或篡改"),
        ReasonCode.UnknownKey => new("Code signed with an unknown key", "通行码的签名密钥未知"),
        ReasonCode.RetiredKey => new("Code signed with a retired key: the badge must be reissued", "通行码的签名密钥已停用：证件须补发"),
        ReasonCode.Revoked => new("Code revoked", "通行码已作废"),
        ReasonCode.NotYetValid => new("Code not valid yet", "通行码尚未生效"),
        ReasonCode.Expired => new("Code expired", "通行码已过期"),
        ReasonCode.ZoneNotGranted => new("No access to this zone today", "今日无权进入此区域"),
        ReasonCode.AlreadyInside => new("Already inside: exit first", "已在区域内：请先出场"),
        ReasonCode.ReentryTooSoon => new("Re-entry too soon", "再次入场间隔过短"),
        ReasonCode.DailyLimitReached => new("Daily entry limit reached", "已达每日入场次数上限"),
        ReasonCode.PersonBlocked => new("Person blocked: call security", "此人已被禁止通行：请联系安保"),
        ReasonCode.GateClosed => new("Gate closed", "闸口已关闭"),
        ReasonCode.ScreeningHold => new("Secondary screening: wait for a security officer", "需二次体温筛查：请等候安保人员"),
        ReasonCode.DirectionNotAllowed => new("This gate does not open in that direction", "本闸机不开放该方向通行"),
        ReasonCode.ZoneFull => new("Zone full: wait until someone leaves", "区域已满：请等候有人离开"),
        ReasonCode.ZoneClosed => new("Zone closed: room blocked for now, no entry", "区域暂时关闭：场地封闭，禁止进入"),
        ReasonCode.FaceMismatch => new("Face does not match the badge holder: staff check", "人脸与持证人不符：请工作人员核验"),
        ReasonCode.FaceLaneNoMatch => new("Face not recognised clearly: please show your code", "未能确认人脸：请出示通行码"),
        ReasonCode.FaceNotLive => new("No live face seen: turn your head slightly, or staff check", "未检测到真人面部：请稍微转头，或由工作人员核验"),
        ReasonCode.FaceLaneNotLive => new("No live face seen: turn your head slightly, or show your code", "未检测到真人面部：请稍微转头，或出示通行码"),
        _ => new($"Refused ({(int)reason})", $"拒绝通行（{(int)reason}）"),
    };
}
