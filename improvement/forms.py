"""The sign-in form, strict about what it passes on to authentication and its throttling log."""

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxLengthValidator
from django.forms.utils import pretty_name


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with messages in the users' words and a real length limit.

    Django only sets the username's maxlength on the widget; a longer value would reach
    authentication and the sign-in throttle's log (a 150-character column), which PostgreSQL
    refuses with an error page. Here it is a form error like any other.
    """

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length or 150))
        username.error_messages.update(
            required="Enter your username",
            max_length="Enter a username of 150 characters or fewer",
            null_characters_not_allowed="Enter your username without hidden control characters",
        )
        password = self.fields["password"]
        password.validators.append(MaxLengthValidator(4096))
        password.error_messages.update(
            required="Enter your password",
            max_length="Enter a password of 4,096 characters or fewer",
            null_characters_not_allowed="Enter your password without hidden control characters",
        )

    def clean(self):
        if not settings.PASSWORD_SIGN_IN:
            raise forms.ValidationError(
                f"Passwords are switched off here: sign in with {settings.OIDC_PROVIDER_NAME}.", code="passwords_off"
            )
        return super().clean()


class NameField(forms.CharField):
    """A one-line name or title as people type it, normalised (improvement.text.normalise_name):
    invisible and bidirectional control characters removed, spaces collapsed, Unicode NFC."""

    def to_python(self, value):
        from improvement.text import normalise_name

        value = super().to_python(value)
        # A null character is refused by the field's own validator, with its message, not removed unseen.
        return value if "\x00" in value else normalise_name(value)


class NamedErrorsMixin:
    """Django's generic messages ("This field is required.", "Enter a valid date.") name the field
    instead, in the users' words, so an error summary of several says which answer each is about;
    and a drop-down's empty choice reads "Choose one" rather than dashes. Messages a form sets
    itself are kept."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            label = str(field.label or pretty_name(name))
            what = label[0].lower() + label[1:] if label[:2] != label[:2].upper() else label
            choosing = isinstance(field, forms.ChoiceField | forms.ModelChoiceField)
            messages = field.error_messages
            if messages.get("required") == forms.Field.default_error_messages["required"]:
                messages["required"] = f"{'Choose' if choosing else 'Enter'} the {what}"
            if (
                isinstance(field, forms.DateField)
                and messages.get("invalid") == forms.DateField.default_error_messages["invalid"]
            ):
                messages["invalid"] = f"Enter the {what} as a real date, for example 31/3/2027"
            if (
                isinstance(field, forms.IntegerField)
                and messages.get("invalid") == forms.IntegerField.default_error_messages["invalid"]
            ):
                messages["invalid"] = f"Enter the {what} as a whole number, for example 3"
            if isinstance(field, forms.ModelChoiceField) and field.empty_label == "---------":
                field.empty_label = "Choose one"
