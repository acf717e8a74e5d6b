namespace Summit.Access.Core;

/// <summary>
/// One step of the gate decision. Return <see cref="ReasonCode.Admitted"/> to pass the scan on,
/// <see cref="ReasonCode.AdmittedWithAlert"/> to pass it on with an alert, anything else to refuse.
/// Checks must be pure and thread-safe: one instance serves all gates.
/// </summary>
public interface IGateCheck
{
    ReasonCode Check(in ScanContext scan);
}
