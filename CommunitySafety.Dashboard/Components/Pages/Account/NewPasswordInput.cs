using System.ComponentModel.DataAnnotations;

namespace CommunitySafety.Dashboard.Components.Pages.Account;

/// <summary>A new password typed twice; Identity's rules (12 characters, upper and lower case, a digit, a symbol) are checked when it is saved.</summary>
public class NewPasswordInput
{
    [Required(ErrorMessage = "Enter the new password.")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "The password must be at least 12 characters long.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the new password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    public string Confirm { get; set; } = "";
}

public sealed class SetUpInput : NewPasswordInput
{
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address such as name@harborough.gov.uk.")]
    public string Email { get; set; } = "";

    public string? Name { get; set; }
}
