using OrleansTraining.Grains.Common;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>Notices for the lecturer: recorded once each, shown with their assignments.</summary>
public sealed partial class LecturerGrain
{
    public async Task ReceiveNoticeAsync(LecturerNotice notice)
    {
        EnsureExists();
        Require.Present(notice, "notice");
        if (state.State.Notices.Any(n => n.Id == notice.Id))
        {
            return;
        }

        await state.UpdateAsync(s => s.Notices.Any(n => n.Id == notice.Id) ? s : s with { Notices = s.Notices.Add(notice) });
    }
}
