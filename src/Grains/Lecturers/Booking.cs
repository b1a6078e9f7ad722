using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>A half-day a lecturer is committed to teach somewhere.</summary>
public sealed record Booking(DateOnly Date, SessionSlot Slot, string ProvinceCode);
