namespace Training.E2E.Theme;

/// <summary>Measurements taken in the page: what a person on a phone would notice without a ruler.</summary>
public static class LayoutProbe
{
    public const int PhoneWidth = 390, PhoneHeight = 844, DesktopWidth = 1280, DesktopHeight = 900;

    /// <summary>How far the page scrolls sideways: the document's scroll width beyond the viewport (0 when it fits).</summary>
    public static Task<int> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)");

    /// <summary>The widest elements that stick out of the viewport, to name the culprit when a page scrolls sideways.</summary>
    public static Task<string[]> OverflowingAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.body.querySelectorAll('*')]
          .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.table-wrap'))
          .filter(el => ![...el.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 0.5))
          .slice(0, 5)
          .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).trim().replace(/\s+/g, '.') : ''} right=${Math.round(el.getBoundingClientRect().right)}`)
        """);

    /// <summary>Visible controls smaller than a fingertip: buttons, links styled as buttons, menu links, selects and
    /// inputs under 44×44 px, check boxes and radio buttons under 24×24 px. Text links inside sentences are exempt
    /// (WCAG 2.5.5 and 2.5.8), and so are visually hidden elements (1 px).</summary>
    public static Task<string[]> SmallTapTargetsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('button, .btn, select, summary, .nav-list a, .pager a, input:not([type=hidden])')]
          .filter(el => el.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
          .map(el => ({ el, r: el.getBoundingClientRect(), min: el.type === 'checkbox' || el.type === 'radio' ? 24 : 44 }))
          .filter(({ r }) => r.width > 1 && r.height > 1)
          .filter(({ r, min }) => r.width < min - 0.5 || r.height < min - 0.5)
          .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
        """);

    /// <summary>Form controls that stick out of the box they sit in (a panel, a filter bar, a card, a fieldset): a
    /// select as wide as its longest option used to spill out of its panel without widening the page. Controls in
    /// a table that scrolls in its own box are left out.</summary>
    public static Task<string[]> SpillingControlsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('main :is(select, input, textarea, button, .btn)')]
          .filter(el => el.checkVisibility() && !el.closest('.table-wrap'))
          .map(el => ({ el, box: el.parentElement.closest('.panel, .filters, .card, .auth-card, fieldset') }))
          .filter(({ el, box }) => box && el.getBoundingClientRect().right > box.getBoundingClientRect().right + 0.5)
          .map(({ el, box }) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} ends at ${Math.round(el.getBoundingClientRect().right)} px, its ${box.tagName.toLowerCase()}.${String(box.className).trim().replace(/\s+/g, '.')} at ${Math.round(box.getBoundingClientRect().right)} px`)
        """);

    /// <summary>Height of the site header as laid out (the folded menu included).</summary>
    public static Task<int> HeaderHeightAsync(IPage page) =>
        page.EvaluateAsync<int>("() => Math.round(document.querySelector('.site-header').getBoundingClientRect().height)");
}
