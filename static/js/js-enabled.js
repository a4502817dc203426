// Marks the page as having JavaScript before it renders (GOV.UK Frontend's js-enabled class).
// A file rather than an inline script, so the Content-Security-Policy can forbid inline scripts.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
