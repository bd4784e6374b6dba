namespace CommunitySafety.Data.Model;

/// <summary>What a police record is: an ASB incident, a recorded crime, or a recorded non-crime incident.</summary>
public enum Category
{
    Asb = 1,
    Crime = 2,
    Incident = 3,
}
