using System.ComponentModel.DataAnnotations;
using CcsviBot.Protocol;

namespace CcsviBot.Channels.Teams;

/// <summary>Settings of section <c>Teams</c>.</summary>
public sealed class TeamsOptions : IValidatableObject
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Microsoft Entra tenant ids (GUIDs) of the support organisation. Conversations in these tenants get the staff
    /// detail on answer cards: entry id, confidence, review date and a "Report outdated" button.
    /// </summary>
    public List<string> StaffTenants { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var tenant in StaffTenants)
        {
            if (!Guid.TryParse(tenant, out _))
            {
                yield return new ValidationResult(
                    $"Teams:StaffTenants contains \"{tenant}\", which is not a tenant id (a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47).",
                    [nameof(StaffTenants)]);
            }
        }
    }

    /// <summary>True when the activity's conversation (<c>conversation.tenantId</c>) is in one of the staff tenants.</summary>
    public bool IsStaffConversation(Activity activity) =>
        Guid.TryParse(activity.Conversation?.TenantId, out var tenant)
        && StaffTenants.Any(staff => Guid.TryParse(staff, out var id) && id == tenant);
}
