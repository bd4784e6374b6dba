namespace CommunitySafety.Dashboard.Components.Pages.Meeting;

/// <summary>What a key press asks the meeting to do.</summary>
public enum SlideCommand { None, Next, Previous, First, Last, Jump, Leave }

/// <summary>
/// Which slide of a fixed number is showing, and how keys move between them. A clicker sends Page Up and
/// Page Down; number keys jump (1 to 9, and 0 for the tenth).
/// </summary>
public sealed class SlideDeck
{
    /// <summary>The keys the meeting listens for (KeyboardEvent.key values), so the browser's own use of them can be stopped.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", " ", "PageDown", "PageUp", "Home", "End", "Escape",
         "1", "2", "3", "4", "5", "6", "7", "8", "9", "0"];

    public SlideDeck(int count) => Count = Math.Max(1, count);

    public int Count { get; private set; }

    /// <summary>The slide showing, from 0.</summary>
    public int Index { get; private set; }

    /// <summary>"3 of 9".</summary>
    public string Counter => $"{Index + 1} of {Count}";

    public bool IsFirst => Index == 0;

    public bool IsLast => Index == Count - 1;

    /// <summary>The number of slides changes when the action plan gains or loses a priority; the slide showing stays if it still exists.</summary>
    public void Resize(int count)
    {
        Count = Math.Max(1, count);
        Index = Math.Min(Index, Count - 1);
    }

    public static SlideCommand CommandFor(string key) => key switch
    {
        "ArrowRight" or "ArrowDown" or " " or "PageDown" => SlideCommand.Next,
        "ArrowLeft" or "ArrowUp" or "PageUp" => SlideCommand.Previous,
        "Home" => SlideCommand.First,
        "End" => SlideCommand.Last,
        "Escape" => SlideCommand.Leave,
        [>= '0' and <= '9'] => SlideCommand.Jump,
        _ => SlideCommand.None,
    };

    /// <summary>Moves for the key; true when the slide changed. Escape is the page's to handle.</summary>
    public bool Press(string key) => CommandFor(key) switch
    {
        SlideCommand.Next => GoTo(Index + 1),
        SlideCommand.Previous => GoTo(Index - 1),
        SlideCommand.First => GoTo(0),
        SlideCommand.Last => GoTo(Count - 1),
        SlideCommand.Jump => GoTo(key == "0" ? 9 : key[0] - '1'),
        _ => false,
    };

    /// <summary>Shows slide <paramref name="index"/> (from 0) when there is one; true when the slide changed.</summary>
    public bool GoTo(int index)
    {
        if (index < 0 || index >= Count || index == Index) return false;
        Index = index;
        return true;
    }
}
