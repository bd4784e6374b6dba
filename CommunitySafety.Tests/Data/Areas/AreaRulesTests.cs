using CommunitySafety.Data.Import;

namespace CommunitySafety.Tests.Data.Areas;

/// <summary>areas-and-rates.md, "Areas": the area of a police.uk row is its LSOA name without the last word.</summary>
public class AreaRulesTests
{
    [Theory]
    [InlineData("Hinckley and Bosworth 012C", "Hinckley and Bosworth")]
    [InlineData("Harborough 001A", "Harborough")]
    [InlineData("  Oadby and Wigston 003B ", "Oadby and Wigston")]
    [InlineData("North West Leicestershire 020E", "North West Leicestershire")]
    public void The_area_is_the_lsoa_name_without_its_last_word(string lsoaName, string area) =>
        Assert.Equal(area, AreaRules.AreaOfLsoaName(lsoaName));

    [Theory]
    [InlineData("Harborough 001")] // no letter
    [InlineData("Harborough 01A")] // two digits
    [InlineData("Harborough 0001A")] // four digits
    [InlineData("Harborough 001a")] // not a capital
    [InlineData("Harborough")] // one word
    [InlineData("001A")] // nothing before the code
    [InlineData("Harborough Town Centre")]
    [InlineData("")]
    public void A_name_whose_last_word_is_not_three_digits_and_a_capital_has_no_area(string lsoaName) =>
        Assert.Null(AreaRules.AreaOfLsoaName(lsoaName));

    [Fact]
    public void By_default_only_the_home_area_is_kept()
    {
        var choice = AreaChoice.Parse("Harborough", null);
        Assert.True(choice.HomeOnly);
        Assert.True(choice.Keeps("harborough"));
        Assert.False(choice.Keeps("Blaby"));
    }

    [Fact]
    public void A_list_keeps_the_home_area_and_the_areas_named_and_a_star_keeps_every_area()
    {
        var list = AreaChoice.Parse("Harborough", "Blaby, Melton");
        Assert.False(list.HomeOnly);
        Assert.True(list.Keeps("Harborough"));
        Assert.True(list.Keeps("melton"));
        Assert.False(list.Keeps("Rutland"));

        var every = AreaChoice.Parse("Harborough", "*");
        Assert.True(every.Keeps("Rutland"));
        Assert.False(every.HomeOnly);
    }
}
