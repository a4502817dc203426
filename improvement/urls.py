from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from improvement.forms import SignInForm

admin.site.site_header = "Improvement plan administration"
admin.site.site_title = "Improvement plan administration"

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=SignInForm), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("django-admin/", admin.site.urls),
    path("audits/", include("audits.urls")),
    path("", include("plans.urls")),
]

handler403 = "improvement.errors.permission_denied"
handler404 = "improvement.errors.page_not_found"
