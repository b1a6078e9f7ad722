using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Grains.Tests;

public sealed class ProvinceDirectoryTests
{
    [Fact]
    public void Holds_the_34_units_of_2025_with_unique_codes()
    {
        Assert.Equal(34, ProvinceDirectory.All.Length);
        Assert.Equal(34, ProvinceDirectory.Codes.Distinct().Count());
        Assert.Equal(6, ProvinceDirectory.All.Count(p => p.Kind == "city"));
        Assert.Equal(new[] { "Đắk Nông", "Bình Thuận" }, ProvinceDirectory.Get("lam-dong").AbsorbedVi.ToArray());
    }

    [Theory]
    [InlineData("Sóc Trăng", "can-tho")]
    [InlineData("soc trang", "can-tho")]
    [InlineData("Hậu Giang", "can-tho")]
    [InlineData("Tỉnh Đắk Nông", "lam-dong")]
    [InlineData("Hà Tây", "ha-noi")]
    [InlineData("Quảng Nam", "da-nang")]
    [InlineData("TP. Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Thành phố Hồ Chí Minh", "ho-chi-minh")]
    [InlineData("Bà Rịa - Vũng Tàu", "ho-chi-minh")]
    [InlineData("Thừa Thiên Huế", "hue")]
    [InlineData("can-tho", "can-tho")]
    [InlineData("Can Tho", "can-tho")]
    public void Old_and_current_names_resolve_to_the_current_unit(string name, string code) =>
        Assert.Equal(code, ProvinceDirectory.Resolve(name)?.Code);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_names_resolve_to_nothing(string? name) => Assert.Null(ProvinceDirectory.Resolve(name));

    [Fact]
    public void Unknown_code_is_not_found() => Assert.Throws<NotFoundException>(() => ProvinceDirectory.Get("sai-gon"));

    [Fact]
    public void Distances_are_plausible_travel_estimates()
    {
        Assert.InRange(ProvinceDirectory.DistanceKm("ha-noi", "ho-chi-minh"), 1100, 1200);
        Assert.Equal(0, ProvinceDirectory.DistanceKm("hue", "hue"), 3);
    }
}
