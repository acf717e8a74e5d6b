using Summit.Access.Core;

namespace Summit.Server.Operations.Dashboard;

public sealed record RefusalCount(ReasonCode Reason, int Count);
