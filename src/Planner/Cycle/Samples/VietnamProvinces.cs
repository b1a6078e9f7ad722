namespace OrleansTraining.Planner.Cycle.Samples;

/// <summary>
/// The 34 provincial-level units from 1 July 2025 with region and administrative-centre coordinates
/// (copied from provinces-2025.csv; approximate, for travel estimates only).
/// </summary>
public static class VietnamProvinces
{
    public static readonly IReadOnlyList<(string Code, string Name, string Region, double Latitude, double Longitude)> All =
    [
        ("ha-noi", "Hà Nội", "Red River Delta", 21.028, 105.854),
        ("hai-phong", "Hải Phòng", "Red River Delta", 20.845, 106.688),
        ("hue", "Huế", "North Central and Central Coast", 16.463, 107.585),
        ("da-nang", "Đà Nẵng", "North Central and Central Coast", 16.054, 108.202),
        ("ho-chi-minh", "Thành phố Hồ Chí Minh", "Southeast", 10.776, 106.700),
        ("can-tho", "Cần Thơ", "Mekong River Delta", 10.045, 105.747),
        ("lai-chau", "Lai Châu", "Northern Midlands and Mountains", 22.396, 103.458),
        ("dien-bien", "Điện Biên", "Northern Midlands and Mountains", 21.386, 103.023),
        ("son-la", "Sơn La", "Northern Midlands and Mountains", 21.327, 103.914),
        ("lang-son", "Lạng Sơn", "Northern Midlands and Mountains", 21.853, 106.761),
        ("cao-bang", "Cao Bằng", "Northern Midlands and Mountains", 22.666, 106.258),
        ("tuyen-quang", "Tuyên Quang", "Northern Midlands and Mountains", 21.823, 105.214),
        ("lao-cai", "Lào Cai", "Northern Midlands and Mountains", 21.722, 104.911),
        ("thai-nguyen", "Thái Nguyên", "Northern Midlands and Mountains", 21.594, 105.848),
        ("phu-tho", "Phú Thọ", "Northern Midlands and Mountains", 21.322, 105.402),
        ("quang-ninh", "Quảng Ninh", "Red River Delta", 20.951, 107.080),
        ("bac-ninh", "Bắc Ninh", "Red River Delta", 21.273, 106.194),
        ("hung-yen", "Hưng Yên", "Red River Delta", 20.646, 106.051),
        ("ninh-binh", "Ninh Bình", "Red River Delta", 20.251, 105.975),
        ("thanh-hoa", "Thanh Hóa", "North Central and Central Coast", 19.807, 105.776),
        ("nghe-an", "Nghệ An", "North Central and Central Coast", 18.679, 105.681),
        ("ha-tinh", "Hà Tĩnh", "North Central and Central Coast", 18.343, 105.906),
        ("quang-tri", "Quảng Trị", "North Central and Central Coast", 17.468, 106.622),
        ("quang-ngai", "Quảng Ngãi", "North Central and Central Coast", 15.120, 108.792),
        ("khanh-hoa", "Khánh Hòa", "North Central and Central Coast", 12.238, 109.197),
        ("gia-lai", "Gia Lai", "Central Highlands", 13.776, 109.224),
        ("dak-lak", "Đắk Lắk", "Central Highlands", 12.667, 108.038),
        ("lam-dong", "Lâm Đồng", "Central Highlands", 11.940, 108.458),
        ("dong-nai", "Đồng Nai", "Southeast", 10.957, 106.843),
        ("tay-ninh", "Tây Ninh", "Southeast", 10.535, 106.413),
        ("vinh-long", "Vĩnh Long", "Mekong River Delta", 10.254, 105.972),
        ("dong-thap", "Đồng Tháp", "Mekong River Delta", 10.360, 106.360),
        ("ca-mau", "Cà Mau", "Mekong River Delta", 9.177, 105.150),
        ("an-giang", "An Giang", "Mekong River Delta", 10.012, 105.081),
    ];
}
