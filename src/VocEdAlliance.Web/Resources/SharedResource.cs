namespace VocEdAlliance.Web.Resources;

/// <summary>Marker for the portal's one resource set: <c>SharedResource.resx</c> (English, the neutral fallback) and
/// <c>SharedResource.zh-CN.resx</c>. Keys are identifiers such as <c>SignIn.Title</c>, never English sentences, so a
/// missing translation shows up as a key and is caught by the tests.</summary>
public sealed class SharedResource;
