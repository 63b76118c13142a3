import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from curation.permissions import editor_group


class Command(BaseCommand):
    help = (
        "Make sure a local editor account exists. The password comes from DESK_EDITOR_PASSWORD, "
        "or is generated and printed once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("DESK_EDITOR_USERNAME", "editor"))

    def handle(self, *args, username, **options):
        password = os.environ.get("DESK_EDITOR_PASSWORD", "")
        user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
        user.is_staff = True
        user.groups.add(editor_group())
        if created or password:
            password = password or secrets.token_urlsafe(12)
            user.set_password(password)
            user.save()
            self.stdout.write(f"Editor account “{username}”, password: {password}")
        else:
            user.save()
            self.stdout.write(
                f"Editor account “{username}” already exists; password unchanged "
                f"(set DESK_EDITOR_PASSWORD or run: python manage.py changepassword {username})."
            )
