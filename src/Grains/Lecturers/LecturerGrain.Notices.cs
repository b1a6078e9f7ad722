using OrleansTraining.Grains.Common;
using OrleansTraining.Grains.Notifications;

namespace OrleansTraining.Grains.Lecturers;

/// <summary>Notices for the lecturer: recorded once each, shown with their assignments.</summary>
public sealed partial class LecturerGrain
{
    public async Task ReceiveNoticeAsync(LecturerNotice notice)
    {
        EnsureExists();
        Require.Present(notice, "notice");
        if (!state.State.Notices.Any(n => n.Id == notice.Id))
        {
            await state.UpdateAsync(s => s.Notices.Any(n => n.Id == notice.Id) ? s : s with { Notices = s.Notices.Add(notice) });
        }

        // Also on a repeat: the sender repeats until this returns, so a notification that failed once arrives then.
        await Inbox.ReceiveAsync(NotificationTexts.MaterialsDue(Id, notice));
    }
}
