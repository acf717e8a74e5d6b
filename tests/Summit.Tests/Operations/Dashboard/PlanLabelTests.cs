using Summit.Server.Components.Shared;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>The occupancy label on the venue plan fits its rectangle whatever the figures: shorter forms first, squeezed last.</summary>
public class PlanLabelTests
{
    [Theory]
    [InlineData(120, 200, 300, "120/200 · 60%", null)]
    [InlineData(332, 200, 110, "332/200", null)]
    [InlineData(2000, 200, 110, "2000/200", null)]
    [InlineData(20000, 2000, 110, "1000%", null)]
    [InlineData(332, 200, 60, "166%", null)]
    [InlineData(2000, 200, 40, "1000%", 24.0)]
    [InlineData(7, 0, 40, "7", null)]
    [InlineData(1234567, 0, 20, "1234567", 4.0)]
    public void The_label_is_the_longest_form_that_fits_and_the_shortest_squeezed_when_none_does(int inside, int capacity, int width, string text,
        double? squeezedTo)
    {
        var label = PlanLabel.For(inside, capacity, width);

        Assert.Equal(text, label.Text);
        Assert.Equal(squeezedTo, label.FitWidth);
        Assert.True(label.FitWidth is not null || PlanLabel.WidthOf(label.Text) <= width - (2 * PlanLabel.Margin));
    }

    [Fact]
    public void The_tooltip_keeps_the_full_figures()
    {
        Assert.Equal("332/200 · 166%", PlanLabel.Full(332, 200));
        Assert.Equal("332", PlanLabel.Full(332, 0));
    }

    [Fact]
    public void A_code_wider_than_its_rectangle_is_squeezed_into_it()
    {
        Assert.Null(PlanLabel.CodeFit("FORUM-D", 110));
        Assert.Equal(8.0, PlanLabel.CodeFit("HALL-1A2B", 24));
    }
}
