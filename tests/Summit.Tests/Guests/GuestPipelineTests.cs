using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;

namespace Summit.Tests.Guests;

public class GuestPipelineTests
{
    [Theory]
    [InlineData(GuestStatus.Invited, GuestStatus.Registered)]
    [InlineData(GuestStatus.Registered, GuestStatus.Approved)]
    [InlineData(GuestStatus.Approved, GuestStatus.Accredited)]
    [InlineData(GuestStatus.Accredited, GuestStatus.Arrived)]
    [InlineData(GuestStatus.Registered, GuestStatus.Withdrawn)]
    [InlineData(GuestStatus.Withdrawn, GuestStatus.Invited)]
    public void Legal_moves_pass(GuestStatus from, GuestStatus to) => Assert.Null(GuestPipeline.Check(from, to, null));

    [Theory]
    [InlineData(GuestStatus.Invited, GuestStatus.Approved)]
    [InlineData(GuestStatus.Invited, GuestStatus.Arrived)]
    [InlineData(GuestStatus.Registered, GuestStatus.Arrived)]
    [InlineData(GuestStatus.Arrived, GuestStatus.Invited)]
    [InlineData(GuestStatus.Rejected, GuestStatus.Accredited)]
    public void Illegal_moves_are_refused_with_a_reason(GuestStatus from, GuestStatus to)
    {
        var error = GuestPipeline.Check(from, to, null);
        Assert.Equal(GuestErrors.StatusTransitionIllegal, error?.Code);
        Assert.Equal([from, to], error!.Args);
    }

    [Fact]
    public void Rejection_needs_a_reason()
    {
        Assert.Equal(GuestErrors.RejectionReasonRequired, GuestPipeline.Check(GuestStatus.Registered, GuestStatus.Rejected, " ")?.Code);
        Assert.Null(GuestPipeline.Check(GuestStatus.Registered, GuestStatus.Rejected, "No passport copy"));
    }

    [Fact]
    public void Staying_put_is_not_a_move() =>
        Assert.Equal(GuestErrors.StatusUnchanged, GuestPipeline.Check(GuestStatus.Approved, GuestStatus.Approved, null)?.Code);

    [Fact]
    public void Arrived_is_final() => Assert.Empty(GuestPipeline.NextFrom(GuestStatus.Arrived));
}
