namespace Summit.Server.Access.Devices;

/// <summary>An enrolment: the device and its token, which is shown this once and never again.</summary>
public sealed record DeviceEnrolment(DeviceView Device, string Token);
