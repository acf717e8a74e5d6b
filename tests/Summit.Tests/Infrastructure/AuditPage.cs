namespace Summit.Tests.Infrastructure;

public sealed record AuditPage(List<AuditRow> Items, int Total, int Page, int PageSize);
