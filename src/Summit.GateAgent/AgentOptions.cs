using System.Net;

namespace Summit.GateAgent;

/// <summary>How one gate agent runs. The device token is a secret: it is kept out of <see cref="ToString"/> and out of every log.</summary>
public sealed class AgentOptions
{
    public static readonly IPEndPoint DefaultListen = new(IPAddress.Loopback, 5081);

    public static readonly TimeSpan DefaultSyncInterval = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultUploadInterval = TimeSpan.FromSeconds(1);

    /// <summary>Codes longer than this are cut before they are decided and journaled: a credential is 199 characters, so a
    /// longer text is refused as a bad format either way, and the journal never holds a megabyte of scanner noise.</summary>
    public const int MaxCodeLength = 512;

    /// <summary>Base address of the Summit server (the device API is under api/v1/device/).</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>The token shown once when an administrator enrolled this device.</summary>
    public required string DeviceToken { get; init; }

    /// <summary>Folder for the journal and the last synced policy, presence and device state.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The local HTTP endpoint (POST /scan, GET /status); null for none.</summary>
    public IPEndPoint? Listen { get; init; } = DefaultListen;

    public TimeSpan SyncInterval { get; init; } = DefaultSyncInterval;

    public TimeSpan UploadInterval { get; init; } = DefaultUploadInterval;

    public int UploadBatchSize { get; init; } = 200;

    /// <summary>
    /// How long one holds request waits at the server for a change before it is asked again: a hold reaches the gate as soon as it
    /// is raised; a network that dies without closing the connection is noticed within this plus a few seconds.
    /// </summary>
    public TimeSpan HoldsWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>False when the caller drives <see cref="GateAgent.SyncNowAsync"/> and <see cref="GateAgent.UploadNowAsync"/>
    /// itself (tests do, to control exactly when the server is asked).</summary>
    public bool ExchangeInBackground { get; init; } = true;

    /// <summary>A folder the lane camera writes its frames into, for the face check (<see cref="FolderFrameSource"/>); null for no camera.</summary>
    public string? CameraFolder { get; init; }

    /// <summary>Another camera source than the folder (a device camera's implementation); wins over <see cref="CameraFolder"/>.</summary>
    public IFrameSource? FrameSource { get; init; }

    /// <summary>The face engine; null to load Summit.Faces.Core's when the gate has faces on. Tests pass one that counts its calls.</summary>
    public IFaceReader? FaceReader { get; init; }

    public override string ToString() =>
        $"server {ServerUrl}, data {DataDirectory}, listen {Listen?.ToString() ?? "off"}, sync every {SyncInterval.TotalSeconds:0.###} s, " +
        $"upload every {UploadInterval.TotalSeconds:0.###} s, batches of {UploadBatchSize}, camera {FrameSource?.Description ?? CameraFolder ?? "none"}";
}
