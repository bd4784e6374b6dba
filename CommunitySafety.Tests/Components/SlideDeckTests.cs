using CommunitySafety.Dashboard.Components.Pages.Meeting;

namespace CommunitySafety.Tests.Components;

public class SlideDeckTests
{
    [Theory]
    [InlineData("ArrowRight", 3)]
    [InlineData("ArrowDown", 3)]
    [InlineData(" ", 3)]
    [InlineData("PageDown", 3)]
    [InlineData("ArrowLeft", 1)]
    [InlineData("ArrowUp", 1)]
    [InlineData("PageUp", 1)]
    [InlineData("Home", 0)]
    [InlineData("End", 8)]
    [InlineData("5", 4)]
    public void A_key_moves_from_the_third_of_nine_slides(string key, int expected)
    {
        var deck = new SlideDeck(9);
        deck.GoTo(2);

        Assert.True(deck.Press(key));
        Assert.Equal(expected, deck.Index);
    }

    [Fact]
    public void The_counter_reads_as_a_person_counts()
    {
        var deck = new SlideDeck(9);
        deck.GoTo(2);

        Assert.Equal("3 of 9", deck.Counter);
    }

    [Fact]
    public void Nothing_moves_past_either_end()
    {
        var deck = new SlideDeck(3);

        Assert.False(deck.Press("ArrowLeft"));
        Assert.False(deck.Press("Home"));
        deck.Press("End");
        Assert.False(deck.Press("ArrowRight"));
        Assert.False(deck.Press(" "));
        Assert.Equal(2, deck.Index);
        Assert.True(deck.IsLast);
    }

    [Fact]
    public void A_number_beyond_the_last_slide_does_nothing_and_zero_is_the_tenth()
    {
        var deck = new SlideDeck(4);
        Assert.False(deck.Press("9"));
        Assert.Equal(0, deck.Index);

        var longer = new SlideDeck(12);
        Assert.True(longer.Press("0"));
        Assert.Equal(9, longer.Index);
    }

    [Theory]
    [InlineData("Escape", SlideCommand.Leave)]
    [InlineData("a", SlideCommand.None)]
    [InlineData("Enter", SlideCommand.None)]
    public void Escape_is_for_the_page_and_other_keys_are_ignored(string key, SlideCommand expected)
    {
        var deck = new SlideDeck(4);

        Assert.Equal(expected, SlideDeck.CommandFor(key));
        Assert.False(deck.Press(key));
        Assert.Equal(0, deck.Index);
    }

    [Fact]
    public void Every_key_the_deck_acts_on_is_listened_for()
    {
        string[] used = ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", " ", "PageUp", "PageDown", "Home", "End", "Escape", "0", "1", "9"];

        Assert.All(used, key => Assert.Contains(key, SlideDeck.Keys));
        Assert.All(SlideDeck.Keys, key => Assert.NotEqual(SlideCommand.None, SlideDeck.CommandFor(key)));
    }

    [Fact]
    public void Fewer_slides_keep_the_slide_in_view_when_it_still_exists_and_else_show_the_last()
    {
        var deck = new SlideDeck(9);
        deck.GoTo(7);

        deck.Resize(8);
        Assert.Equal(7, deck.Index);

        deck.Resize(5);
        Assert.Equal(4, deck.Index);
        Assert.Equal("5 of 5", deck.Counter);
    }
}
