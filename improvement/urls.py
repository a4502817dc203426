from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from improvement import oidc
from improvement.forms import SignInForm

admin.site.site_header = "Improvement plan administration"
admin.site.site_title = "Improvement plan administration"

urlpatterns = [
    path("login/", oidc.SignInView.as_view(authentication_form=SignInForm), name="login"),
    path("logout/", oidc.SignOutView.as_view(), name="logout"),
    path("oidc/authenticate/", login_not_required(oidc.SignInStartView.as_view()), name="oidc_authentication_init"),
    path("oidc/callback/", login_not_required(oidc.SignInCallbackView.as_view()), name="oidc_authentication_callback"),
    path("api/", include("api.urls")),
    path("django-admin/", admin.site.urls),
    path("audits/", include("audits.urls")),
    path("", include("plans.urls")),
]

handler403 = "improvement.errors.permission_denied"
handler404 = "improvement.errors.page_not_found"
