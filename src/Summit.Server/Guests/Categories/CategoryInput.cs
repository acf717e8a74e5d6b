namespace Summit.Server.Guests.Categories;

/// <summary>A category as typed in the form or sent to the API. A missing sort order puts the category last.</summary>
public sealed record CategoryInput(string Code, string NameEn, string NameZh, string Colour, int? SortOrder = null);
