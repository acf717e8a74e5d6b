namespace Summit.Access.Core;

/// <summary>The gate lane a scan happened at.</summary>
/// <param name="Zone">The zone (0..63) the gate leads into (entry) or out of (exit).</param>
/// <param name="Direction">Direction of this lane; a two-way gate reports the lane that scanned.</param>
/// <param name="IsOpen">False while the gate is closed by the operations team.</param>
/// <param name="Held">True while the lane is on screening hold (a fever reading at the gate, until a security officer decides).</param>
public readonly record struct Gate(int Id, int Zone, GateDirection Direction, bool IsOpen, bool Held = false);
