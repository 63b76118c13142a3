"""Run in its own process against a primary and a standby (test_replicas.py): what each request read from.

Django's settings are read once per process, so the replica test starts this
script with DATABASE_URL and DATABASE_REPLICA_URL pointing at its
throwaway cluster, and reads the JSON it prints.
"""

import json
import sys

import django
from django.core.management import call_command


def main() -> None:
    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # The test client's host, and responses that carry their context.
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from curation.importing.parsing import parse_article
    from curation.models import Article
    from curation.permissions import editor_group
    from curation.services import article_import
    from tests.support.admin import form_data

    call_command("migrate", "--no-input", verbosity=0)
    article = article_import(
        parsed=parse_article("Ministers Meet In Baghdad\n\nThe foreign minister met his counterparts on Monday.\n"),
        import_key="probe.txt",
        status=Article.Status.PUBLISHED,
    )
    editor = get_user_model().objects.create_user("alice", password="alice-password-123", is_staff=True)
    editor.groups.add(editor_group())
    sys.stdout.write(json.dumps({"ready": article.slug}) + "\n")
    sys.stdout.flush()
    sys.stdin.readline()  # The test waits for the standby to replay the rows above, then says go.

    report = {}
    visitor = Client()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica_1"]) as replica,
    ):
        page = visitor.get(f"/articles/{article.slug}/")
        api = visitor.get("/api/v1/articles/")
    report["public"] = {
        "status": [page.status_code, api.status_code],
        "primary_queries": len(primary.captured_queries),
        "replica_queries": len(replica.captured_queries),
        "replica_in_recovery": _in_recovery(connections["replica_1"]),
        "primary_in_recovery": _in_recovery(connections["default"]),
        "shows_title": "Ministers Meet In Baghdad" in page.content.decode(),
    }

    desk = Client()
    desk.force_login(editor)
    change = f"/admin/curation/article/{article.pk}/change/"
    data = form_data(desk.get(change))
    data["title"] = "Ministers Agree In Baghdad"
    with CaptureQueriesContext(connections["replica_1"]) as replica:
        saved = desk.post(change, data)
        page = desk.get(f"/articles/{article.slug}/")
    report["editor"] = {
        "saved": saved.status_code,
        "saved_title": Article.objects.using("default").get(pk=article.pk).title,
        "replica_queries": len(replica.captured_queries),
        "sees_own_save": "Ministers Agree In Baghdad" in page.content.decode(),
    }
    sys.stdout.write(json.dumps(report) + "\n")


def _in_recovery(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


if __name__ == "__main__":
    main()
