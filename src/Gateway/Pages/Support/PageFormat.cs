using System.Globalization;
using Microsoft.Extensions.Localization;
using OrleansTraining.Gateway.Resources;
using OrleansTraining.Grains.Provinces;

namespace OrleansTraining.Gateway.Pages.Support;

/// <summary>Dates, moments, countdowns and names as the pages show them: Vietnamese formats, Vietnam's clock.</summary>
public sealed class PageFormat(IStringLocalizer<Text> text, TimeProvider clock)
{
    /// <summary>Vietnam has kept UTC+7 without daylight saving since 1975; the fixed offset serves a host without tzdata.</summary>
    public static readonly TimeZoneInfo VietnamTime = FindVietnamTime();

    public DateTimeOffset Now => clock.GetUtcNow();

    public string Date(DateOnly date) =>
        date.ToString(PageCultures.IsEnglish ? "d MMM yyyy" : "dd/MM/yyyy", CultureInfo.CurrentCulture);

    public string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    public string Dates(DateOnly? start, DateOnly? end) =>
        start is null ? "—" : end is null || end == start ? Date(start) : $"{Date(start)} – {Date(end)}";

    /// <summary>A moment on Vietnam's clock, e.g. "17:00 15/03/2027".</summary>
    public string Moment(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, VietnamTime);
        return local.ToString(PageCultures.IsEnglish ? "HH:mm, d MMM yyyy" : "HH:mm dd/MM/yyyy", CultureInfo.CurrentCulture);
    }

    public string Month(int year, int month) =>
        PageCultures.IsEnglish
            ? new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)
            : string.Format(CultureInfo.CurrentCulture, text["MonthLabel"], month, year);

    /// <summary>Time left until a deadline in days and hours ("còn 2 ngày 5 giờ"), or how long ago it passed.</summary>
    public string Countdown(DateTimeOffset deadline)
    {
        var left = deadline - Now;
        var span = left.Duration();
        var amount = span.TotalDays >= 1
            ? string.Format(CultureInfo.CurrentCulture, text["DaysHours"], (int)span.TotalDays, span.Hours)
            : string.Format(CultureInfo.CurrentCulture, text["HoursMinutes"], (int)span.TotalHours, span.Minutes);
        return string.Format(CultureInfo.CurrentCulture, text[left >= TimeSpan.Zero ? "TimeLeft" : "TimeOverdue"], amount);
    }

    public bool IsOverdue(DateTimeOffset deadline) => deadline <= Now;

    public string Province(string? code) =>
        code is null ? "—"
        : ProvinceDirectory.Exists(code) ? (PageCultures.IsEnglish ? ProvinceDirectory.Get(code).NameEn : ProvinceDirectory.Get(code).NameVi)
        : code;

    /// <summary>The text of an enum value, e.g. "CourseStatus_Published".</summary>
    public string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => text[$"{typeof(TEnum).Name}_{value}"];

    private static TimeZoneInfo FindVietnamTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
