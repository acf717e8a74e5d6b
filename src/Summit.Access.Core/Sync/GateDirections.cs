namespace Summit.Access.Core.Sync;

// The wire contract between the server and gate devices (the gate agent, or any turnstile that speaks it), shared
// so that both sides compile against the same shapes. JSON, camelCase, enums as strings. Every device request carries
// the header "Authorization: Device <token>".
//
//   GET  /api/v1/device/me              -> DeviceInfo
//   GET  /api/v1/device/policy          -> GatePolicyDocument (ETag = PolicyVersion; If-None-Match answers 304)
//   GET  /api/v1/device/presence        -> PresenceDocument (the device's zone)
//   GET  /api/v1/device/holds           -> GateHoldsDocument (ETag = GateHoldsDocument.Tag; with If-None-Match and
//                                          "Prefer: wait=N" the server answers as soon as the holds change, or 304 after N s)
//   POST /api/v1/device/scans           DeviceScanRequest  -> ScanResponse   (online: the server decides)
//   POST /api/v1/device/scans/upload    ScanUploadRequest  -> ScanUploadResponse (offline journal: the device decided)

/// <summary>Which directions a gate lane may scan.</summary>
public enum GateDirections
{
    Entry = 1,
    Exit = 2,
    Both = 3,
}
