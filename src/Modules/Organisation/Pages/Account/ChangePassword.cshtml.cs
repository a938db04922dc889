using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Training.Organisation.Data;

namespace Training.Organisation.Pages.Account;

[Authorize]
public sealed class ChangePasswordModel(UserManager<TrainingUser> users, SignInManager<TrainingUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu hiện tại.")]
    public string Current { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập mật khẩu mới.")]
    public string New { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Nhập lại mật khẩu mới."), Compare(nameof(New), ErrorMessage = "Hai mật khẩu mới không khớp.")]
    public string Confirm { get; set; } = "";

    public bool Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        Done = true;
        return Page();
    }
}
