using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Zones;

namespace Summit.Server.Demo;

/// <summary>The access plan of the demo: the zones and gates of the two Wuzhen venues, and what each category opens.</summary>
internal static class DemoVenue
{
    public const string ConferenceCenter = "Wuzhen Internet International Conference and Exhibition Center";
    public const string ConferenceCenterZh = "乌镇互联网国际会展中心";
    public const string ExpoCenter = "Light of Internet Expo Center";
    public const string ExpoCenterZh = "互联网之光博览中心";

    /// <remarks>
    /// The halls' capacities are their seats, a hard limit (a full room refuses entries); the site, the VIP lounge, the media centre,
    /// the expo and the back of house admit beyond theirs and alert the operations centre.
    /// The plan rectangles are a schematic of the two venues on the dashboard's 1000 x 600 canvas, not a survey: the conference
    /// center's site on the left with the main forum hall, the four sub-forum rooms, the VIP lounge and the media centre inside it;
    /// the expo center on the right; the back-of-house areas of both venues as one band under the expo center.
    /// </remarks>
    internal static readonly ZoneInput[] Zones =
    [
        new("SITE", "Conference and Exhibition Center site", "互联网国际会展中心园区", ConferenceCenter, 5000, AntiPassbackMode.Hard, Plan: new(20, 20, 600, 560)),
        new("MAIN", "Main forum hall", "主论坛会场", ConferenceCenter, 2000, AntiPassbackMode.Hard, Plan: new(50, 80, 300, 240), CapacityLimit: CapacityLimit.Hard),
        new("FORUM-A", "Sub-forum room A", "分论坛A厅", ConferenceCenter, 400, AntiPassbackMode.Timed, 10, Plan: new(370, 80, 110, 115), CapacityLimit: CapacityLimit.Hard),
        new("FORUM-B", "Sub-forum room B", "分论坛B厅", ConferenceCenter, 300, AntiPassbackMode.Timed, 10, Plan: new(490, 80, 110, 115), CapacityLimit: CapacityLimit.Hard),
        new("FORUM-C", "Sub-forum room C", "分论坛C厅", ConferenceCenter, 300, AntiPassbackMode.Timed, 10, Plan: new(370, 205, 110, 115), CapacityLimit: CapacityLimit.Hard),
        new("FORUM-D", "Sub-forum room D", "分论坛D厅", ConferenceCenter, 200, AntiPassbackMode.Timed, 10, Plan: new(490, 205, 110, 115), CapacityLimit: CapacityLimit.Hard),
        new("VIP", "VIP lounge", "贵宾休息室", ConferenceCenter, 80, AntiPassbackMode.Soft, Plan: new(50, 350, 140, 110)),
        new("MEDIA", "Media centre", "新闻中心", ConferenceCenter, 300, Plan: new(210, 350, 140, 110)),
        new("EXPO", "Light of Internet Expo Center", "互联网之光博览中心", ExpoCenter, 10000, Plan: new(660, 20, 320, 420)),
        new("BACK", "Back of house and staff areas", "后台及工作人员区", null, 600, Plan: new(660, 470, 320, 110)),
    ];

    /// <summary>
    /// The gates; <c>Turnstile</c> marks those with an enrolled device (the ones the morning's scans go through). Sub-forum room D
    /// has a reader on its door: the live demo fills that room (see Live/DemoScript.cs).
    /// </summary>
    internal static readonly (string Code, string En, string Zh, string Zone, GateDirections Directions, bool Turnstile)[] Gates =
    [
        ("N1", "North Gate 1", "北门1号闸", "SITE", GateDirections.Entry, true),
        ("N2", "North Gate 2", "北门2号闸", "SITE", GateDirections.Entry, true),
        ("N3", "North Gate 3 (exit)", "北门3号闸（出口）", "SITE", GateDirections.Exit, true),
        ("E1", "East Gate 1 (VIP and staff)", "东门1号闸（贵宾及工作人员）", "SITE", GateDirections.Both, true),
        ("M1", "Main Hall Door 1", "主会场1号门", "MAIN", GateDirections.Entry, true),
        ("M2", "Main Hall Door 2", "主会场2号门", "MAIN", GateDirections.Entry, true),
        ("M3", "Main Hall Door 3 (exit)", "主会场3号门（出口）", "MAIN", GateDirections.Exit, true),
        ("FA", "Sub-forum Room A Door", "分论坛A厅门", "FORUM-A", GateDirections.Both, false),
        ("FB", "Sub-forum Room B Door", "分论坛B厅门", "FORUM-B", GateDirections.Both, false),
        ("FC", "Sub-forum Room C Door", "分论坛C厅门", "FORUM-C", GateDirections.Both, false),
        ("FD", "Sub-forum Room D Door", "分论坛D厅门", "FORUM-D", GateDirections.Both, true),
        ("V1", "VIP Lounge Door", "贵宾休息室门", "VIP", GateDirections.Both, false),
        ("P1", "Media Centre Door", "新闻中心门", "MEDIA", GateDirections.Both, false),
        ("X1", "Expo West Gate 1", "博览中心西门1号闸", "EXPO", GateDirections.Entry, true),
        ("X2", "Expo West Gate 2", "博览中心西门2号闸", "EXPO", GateDirections.Entry, true),
        ("X3", "Expo West Gate 3 (exit)", "博览中心西门3号闸（出口）", "EXPO", GateDirections.Exit, true),
        ("B1", "Staff Entrance", "工作人员通道", "BACK", GateDirections.Both, false),
        ("B2", "Loading Dock", "装卸区通道", "BACK", GateDirections.Both, false),
    ];

    /// <summary>The gate whose device token the demo leaves for the gate agent.</summary>
    public const string AgentGate = "N1";

    private static readonly string[] Forums = ["FORUM-A", "FORUM-B", "FORUM-C", "FORUM-D"];

    /// <summary>
    /// The zones each category opens on every day. Day ranges are kept for the exhibitors' set-up day (<see cref="SetUpDayZones"/>):
    /// the demo's codes are meant to open its gates today, years after the event.
    /// </summary>
    internal static readonly Dictionary<string, string[]> CategoryZones = new()
    {
        ["VIP"] = ["SITE", "MAIN", .. Forums, "VIP", "MEDIA", "EXPO"],
        ["Speaker"] = ["SITE", "MAIN", .. Forums, "VIP", "EXPO"],
        ["Delegate"] = ["SITE", "MAIN", .. Forums, "EXPO"],
        ["Media"] = ["SITE", "MEDIA", "MAIN", "EXPO"],
        ["Exhibitor"] = ["SITE", "EXPO"],
        ["Staff"] = ["SITE", "MAIN", .. Forums, "MEDIA", "EXPO", "BACK"],
        ["Volunteer"] = ["SITE", "MAIN", .. Forums, "EXPO", "BACK"],
        ["Contractor"] = ["SITE", "EXPO", "BACK"],
    };

    /// <summary>Zones a category opens only on the day before the event, when the stands are built.</summary>
    internal static readonly Dictionary<string, string[]> SetUpDayZones = new() { ["Exhibitor"] = ["BACK"] };
}
