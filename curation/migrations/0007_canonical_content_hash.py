"""Hash each article's canonical text (line endings folded, no surrounding whitespace).

The same story pasted in the admin (whose textarea sends "\\r\\n") and imported
from a file now gives one hash, so it cannot become two articles. The hash is
recomputed with its own copy of the rule: migrations must not import code that
may change after them.
"""

import hashlib

from django.db import migrations


def _canonical_hash(body: str) -> str:
    text = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rehash(apps, schema_editor):
    Article = apps.get_model("curation", "Article")
    owner = {content_hash: pk for pk, content_hash in Article.objects.values_list("pk", "content_hash")}
    for article in Article.objects.order_by("pk").only("pk", "body", "content_hash").iterator(chunk_size=500):
        new = _canonical_hash(article.body)
        # Two articles already differing only in line endings keep their old
        # hashes: both stay, as they were imported.
        if new == article.content_hash or new in owner:
            continue
        del owner[article.content_hash]
        owner[new] = article.pk
        Article.objects.filter(pk=article.pk).update(content_hash=new)


class Migration(migrations.Migration):
    dependencies = [("curation", "0006_record_what_readers_were_shown")]

    operations = [migrations.RunPython(rehash, migrations.RunPython.noop)]
