namespace VocEdAlliance.Web.Domain.Access;

/// <summary>A part of an access-controlled record (an agreement's party, an activity of an agreement): visible and
/// changeable exactly when its owner is. The owner must be loaded when the part is changed.</summary>
public interface IAccessControlledPart
{
    IEnumerable<IAccessControlled?> Owners { get; }
}
