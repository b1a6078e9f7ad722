using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Provinces;

/// <summary>
/// The 34 provincial-level units since 1 July 2025, embedded so a clone needs no data file, and name resolution:
/// historical records (2005, 2012) name the older units, which resolve to the unit that absorbed them.
/// </summary>
public static class ProvinceDirectory
{
    public static readonly ImmutableArray<ProvinceInfo> All =
    [
        new("ha-noi", "Hà Nội", "Hanoi", "city", "Red River Delta", "Hà Nội", 21.028, 105.854, ["Hà Tây (2008)"]),
        new("hai-phong", "Hải Phòng", "Haiphong", "city", "Red River Delta", "Hải Phòng", 20.845, 106.688, ["Hải Dương"]),
        new("hue", "Huế", "Hue", "city", "North Central and Central Coast", "Huế", 16.463, 107.585, []),
        new("da-nang", "Đà Nẵng", "Da Nang", "city", "North Central and Central Coast", "Đà Nẵng", 16.054, 108.202, ["Quảng Nam"]),
        new("ho-chi-minh", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", "city", "Southeast", "Thành phố Hồ Chí Minh", 10.776, 106.700, ["Bình Dương", "Bà Rịa - Vũng Tàu"]),
        new("can-tho", "Cần Thơ", "Can Tho", "city", "Mekong River Delta", "Cần Thơ", 10.045, 105.747, ["Sóc Trăng", "Hậu Giang"]),
        new("lai-chau", "Lai Châu", "Lai Chau", "province", "Northern Midlands and Mountains", "Lai Châu", 22.396, 103.458, []),
        new("dien-bien", "Điện Biên", "Dien Bien", "province", "Northern Midlands and Mountains", "Điện Biên Phủ", 21.386, 103.023, []),
        new("son-la", "Sơn La", "Son La", "province", "Northern Midlands and Mountains", "Sơn La", 21.327, 103.914, []),
        new("lang-son", "Lạng Sơn", "Lang Son", "province", "Northern Midlands and Mountains", "Lạng Sơn", 21.853, 106.761, []),
        new("cao-bang", "Cao Bằng", "Cao Bang", "province", "Northern Midlands and Mountains", "Cao Bằng", 22.666, 106.258, []),
        new("tuyen-quang", "Tuyên Quang", "Tuyen Quang", "province", "Northern Midlands and Mountains", "Tuyên Quang", 21.823, 105.214, ["Hà Giang"]),
        new("lao-cai", "Lào Cai", "Lao Cai", "province", "Northern Midlands and Mountains", "Yên Bái", 21.722, 104.911, ["Yên Bái"]),
        new("thai-nguyen", "Thái Nguyên", "Thai Nguyen", "province", "Northern Midlands and Mountains", "Thái Nguyên", 21.594, 105.848, ["Bắc Kạn"]),
        new("phu-tho", "Phú Thọ", "Phu Tho", "province", "Northern Midlands and Mountains", "Việt Trì", 21.322, 105.402, ["Vĩnh Phúc", "Hòa Bình"]),
        new("quang-ninh", "Quảng Ninh", "Quang Ninh", "province", "Red River Delta", "Hạ Long", 20.951, 107.080, []),
        new("bac-ninh", "Bắc Ninh", "Bac Ninh", "province", "Red River Delta", "Bắc Giang", 21.273, 106.194, ["Bắc Giang"]),
        new("hung-yen", "Hưng Yên", "Hung Yen", "province", "Red River Delta", "Hưng Yên", 20.646, 106.051, ["Thái Bình"]),
        new("ninh-binh", "Ninh Bình", "Ninh Binh", "province", "Red River Delta", "Ninh Bình", 20.251, 105.975, ["Hà Nam", "Nam Định"]),
        new("thanh-hoa", "Thanh Hóa", "Thanh Hoa", "province", "North Central and Central Coast", "Thanh Hóa", 19.807, 105.776, []),
        new("nghe-an", "Nghệ An", "Nghe An", "province", "North Central and Central Coast", "Vinh", 18.679, 105.681, []),
        new("ha-tinh", "Hà Tĩnh", "Ha Tinh", "province", "North Central and Central Coast", "Hà Tĩnh", 18.343, 105.906, []),
        new("quang-tri", "Quảng Trị", "Quang Tri", "province", "North Central and Central Coast", "Đồng Hới", 17.468, 106.622, ["Quảng Bình"]),
        new("quang-ngai", "Quảng Ngãi", "Quang Ngai", "province", "North Central and Central Coast", "Quảng Ngãi", 15.120, 108.792, ["Kon Tum"]),
        new("khanh-hoa", "Khánh Hòa", "Khanh Hoa", "province", "North Central and Central Coast", "Nha Trang", 12.238, 109.197, ["Ninh Thuận"]),
        new("gia-lai", "Gia Lai", "Gia Lai", "province", "Central Highlands", "Quy Nhơn", 13.776, 109.224, ["Bình Định"]),
        new("dak-lak", "Đắk Lắk", "Dak Lak", "province", "Central Highlands", "Buôn Ma Thuột", 12.667, 108.038, ["Phú Yên"]),
        new("lam-dong", "Lâm Đồng", "Lam Dong", "province", "Central Highlands", "Đà Lạt", 11.940, 108.458, ["Đắk Nông", "Bình Thuận"]),
        new("dong-nai", "Đồng Nai", "Dong Nai", "province", "Southeast", "Biên Hòa", 10.957, 106.843, ["Bình Phước"]),
        new("tay-ninh", "Tây Ninh", "Tay Ninh", "province", "Southeast", "Tân An", 10.535, 106.413, ["Long An"]),
        new("vinh-long", "Vĩnh Long", "Vinh Long", "province", "Mekong River Delta", "Vĩnh Long", 10.254, 105.972, ["Bến Tre", "Trà Vinh"]),
        new("dong-thap", "Đồng Tháp", "Dong Thap", "province", "Mekong River Delta", "Mỹ Tho", 10.360, 106.360, ["Tiền Giang"]),
        new("ca-mau", "Cà Mau", "Ca Mau", "province", "Mekong River Delta", "Cà Mau", 9.177, 105.150, ["Bạc Liêu"]),
        new("an-giang", "An Giang", "An Giang", "province", "Mekong River Delta", "Rạch Giá", 10.012, 105.081, ["Kiên Giang"]),
    ];

    private static readonly ImmutableDictionary<string, ProvinceInfo> ByCode = All.ToImmutableDictionary(p => p.Code, StringComparer.Ordinal);

    private static readonly ImmutableDictionary<string, string> CodeByName = BuildNameIndex();

    public static ImmutableArray<string> Codes { get; } = [.. All.Select(p => p.Code)];

    public static bool Exists(string? code) => code is not null && ByCode.ContainsKey(code);

    public static ProvinceInfo Get(string code) =>
        ByCode.TryGetValue(code, out var info) ? info : throw new NotFoundException("province", code);

    /// <summary>
    /// The current unit for a code, a current name or an absorbed older name, ignoring case and Vietnamese diacritics
    /// ("Sóc Trăng", "soc trang", "TP. Hồ Chí Minh" → can-tho, can-tho, ho-chi-minh). Null when nothing matches.
    /// </summary>
    public static ProvinceInfo? Resolve(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode))
        {
            return null;
        }

        if (ByCode.TryGetValue(nameOrCode.Trim(), out var byCode))
        {
            return byCode;
        }

        return CodeByName.TryGetValue(Normalize(nameOrCode), out var code) ? ByCode[code] : null;
    }

    /// <summary>Great-circle distance between two units' administrative centres, for travel estimates.</summary>
    public static double DistanceKm(string fromCode, string toCode)
    {
        var a = Get(fromCode);
        var b = Get(toCode);
        const double EarthRadiusKm = 6371.0;
        var dLat = double.DegreesToRadians(b.Latitude - a.Latitude);
        var dLon = double.DegreesToRadians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(double.DegreesToRadians(a.Latitude)) * Math.Cos(double.DegreesToRadians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(h));
    }

    private static ImmutableDictionary<string, string> BuildNameIndex()
    {
        var index = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var province in All)
        {
            index[Normalize(province.NameVi)] = province.Code;
            index[Normalize(province.NameEn)] = province.Code;
            index[Normalize(province.Code.Replace('-', ' '))] = province.Code;
            foreach (var absorbed in province.AbsorbedVi)
            {
                // "Hà Tây (2008)": the year says when, the name is what old records use.
                var name = absorbed.Split('(')[0];
                index.TryAdd(Normalize(name), province.Code);
            }
        }

        // Common spellings of the two special cities in old records.
        index[Normalize("TP. Hồ Chí Minh")] = "ho-chi-minh";
        index[Normalize("Hồ Chí Minh")] = "ho-chi-minh";
        index[Normalize("Sài Gòn")] = "ho-chi-minh";
        index[Normalize("Thừa Thiên Huế")] = "hue";
        return index.ToImmutableDictionary(StringComparer.Ordinal);
    }

    private static string Normalize(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var prefix in new[] { "thanh pho", "tp", "tinh" })
        {
            var prefixWords = prefix.Split(' ');
            if (words.Count > prefixWords.Length && words.Take(prefixWords.Length).SequenceEqual(prefixWords))
            {
                words.RemoveRange(0, prefixWords.Length);
                break;
            }
        }

        return string.Join(' ', words);
    }
}
