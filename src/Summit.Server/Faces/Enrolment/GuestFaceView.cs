using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Enrolment;

/// <summary>The Faces module's answer to the portal: the guest's enrolment and, for a refused photo, what to change.</summary>
public sealed class GuestFaceView(SummitDbContext db) : IGuestFaceView
{
    public async Task<GuestFaceStatus?> FindAsync(Guid guestId, CancellationToken ct)
    {
        var row = await db.Set<FaceEnrolment>().AsNoTracking().FirstOrDefaultAsync(e => e.GuestId == guestId, ct);
        return row is null ? null : new GuestFaceStatus(row.State == FaceEnrolmentState.Enrolled, row.State == FaceEnrolmentState.Pending,
            [.. FaceEnrolmentService.Issues(row.Issues).Select(i => i.Text)]);
    }
}
