"""Email owners the actions they have not updated for the open period; safe to run daily from cron."""

from django.core.management.base import BaseCommand

from plans.services.reminders import update_reminders_send


class Command(BaseCommand):
    help = "Email each action owner the actions lacking an update for the open period (once a day at most)."

    def handle(self, *args, **options):
        result = update_reminders_send()
        for user, plan, count in result.sent:
            self.stdout.write(f"Reminded {user.get_username()} of {count} action(s) in {plan.title}.")
        self.stdout.write(
            f"{len(result.sent)} reminder(s) sent; {result.skipped_already_sent} already sent today; "
            f"{result.skipped_no_email} owner(s) without an email address."
        )
