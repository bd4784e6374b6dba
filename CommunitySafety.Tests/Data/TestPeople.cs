using CommunitySafety.Data.Access;
using CommunitySafety.Data.Model;

namespace CommunitySafety.Tests.Data;

/// <summary>People as the services see them, for tests that act as one.</summary>
public static class TestPeople
{
    public static Person Manager(string name) => new(null, name, null, [Roles.Manager], "127.0.0.1");

    public static Person Lead(string name, string leadName) => new(null, name, leadName, [Roles.Lead], "127.0.0.1");

    public static Person Viewer(string name) => new(null, name, null, [Roles.Viewer], "127.0.0.1");
}
