using CommunitySafety.Data.Model;
using CommunitySafety.Data.Figures;

namespace CommunitySafety.Tests.Data.Figures;

public class ChangeMathsTests
{
    [Theory]
    [InlineData(17, 16, 6.3)]      // +6.25: half away from zero
    [InlineData(15, 16, -6.3)]     // -6.25
    [InlineData(81, 80, 1.3)]      // +1.25
    [InlineData(79, 80, -1.3)]     // -1.25
    [InlineData(2001, 2000, 0.1)]  // +0.05
    [InlineData(1999, 2000, -0.1)] // -0.05
    [InlineData(9, 8, 12.5)]
    [InlineData(812, 1084, -25.1)]
    [InlineData(1510, 1553, -2.8)]
    [InlineData(152, 125, 21.6)]
    [InlineData(236, 222, 6.3)]
    [InlineData(0, 5, -100.0)]
    [InlineData(5, 5, 0.0)]
    public void Change_percent_is_rounded_to_one_decimal_half_away_from_zero(int current, int previous, double expected)
    {
        Assert.Equal(expected, ChangeMaths.ChangePercent(current, previous));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(0)]
    public void Change_percent_is_null_when_there_was_nothing_before(int current)
    {
        Assert.Null(ChangeMaths.ChangePercent(current, 0));
    }

    [Fact]
    public void Change_percent_prints_without_trailing_zeros()
    {
        Assert.Equal("21.6", ChangeMaths.ChangePercent(152, 125)!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(812, 1084, -8.86, Significance.Real)]
    [InlineData(71, 48, 3.0, Significance.Real)]      // 2.9959 before rounding: decided on the rounded z
    [InlineData(48, 71, -3.0, Significance.Real)]
    [InlineData(77, 53, 2.99, Significance.Possible)]
    [InlineData(16, 9, 2.0, Significance.Possible)]   // exactly 2
    [InlineData(9, 16, -2.0, Significance.Possible)]
    [InlineData(73, 57, 1.99, Significance.None)]
    [InlineData(0, 0, 0.0, Significance.None)]
    public void Z_and_significance(int current, int previous, double z, Significance significance)
    {
        Assert.Equal(z, ChangeMaths.Z(current, previous));
        Assert.Equal(significance, ChangeMaths.Significance(ChangeMaths.Z(current, previous)));
    }

    [Fact]
    public void Compare_fills_every_field()
    {
        Assert.Equal(new Measure(812, 1084, -272, -25.1, -8.86, Significance.Real), ChangeMaths.Compare(812, 1084));
        Assert.Equal(new NamedMeasure("Theft", 3, 0, 3, null, 3.46, Significance.Real), ChangeMaths.Compare("Theft", 3, 0));
    }
}
