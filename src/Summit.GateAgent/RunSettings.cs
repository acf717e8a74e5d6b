namespace Summit.GateAgent;

/// <param name="ReadStandardInput">Read scans from standard input (a keyboard-wedge scanner).</param>
/// <param name="ExitAtEndOfInput">Stop when standard input ends (scripted runs); otherwise keep serving the local endpoint.</param>
public sealed record RunSettings(AgentOptions Options, bool ReadStandardInput, bool ExitAtEndOfInput);
