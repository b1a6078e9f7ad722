namespace OrleansTraining.Grains.Common;

/// <summary>Half-day teaching slot (buổi sáng / buổi chiều).</summary>
public enum SessionSlot
{
    Morning,
    Afternoon,
}
