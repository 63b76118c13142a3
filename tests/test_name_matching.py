"""One way to find an actor or a topic by any of its names, on the public pages, in the API and in the admin."""

import pytest
from django.urls import reverse

from curation.models import Actor, Tag
from tests.support.builders import make_actor, make_article, make_statement

# The alias is printed with a curly apostrophe; readers type a straight one or none.
SPELLINGS = ["Daesh", "Da'esh", "Da’esh", "DAESH"]


@pytest.fixture
def curly_alias(db):
    """A published statement by an organisation known only as "Da’esh" besides its name, tagged with a topic alike."""
    group = make_actor("Militant Group", kind=Actor.Kind.ORGANISATION, aliases=["Da’esh"])
    topic = Tag.objects.create(name="Militant topic", slug="militant-topic")
    topic.aliases.create(name="Da’esh")
    article = make_article()
    make_statement(article, article.body.split("said that ")[1].split(" holds")[0], speaker=group, tags=[topic])
    make_actor("Unrelated Person")
    return group, topic


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_it_finds_the_actor_on_the_actors_page(client, curly_alias, spelling):
    group, _ = curly_alias
    response = client.get(reverse("curation:actor-list"), {"name": spelling})
    assert [actor.pk for actor in response.context["page"].object_list] == [group.pk]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_it_finds_the_actor_on_the_search_page(client, curly_alias, spelling):
    group, _ = curly_alias
    response = client.get(reverse("curation:search"), {"q": spelling})
    actors, _more = response.context["results"]["actors"]
    assert [actor.pk for actor in actors] == [group.pk]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_it_finds_the_actor_and_the_topic_in_the_api(api, curly_alias, spelling):
    group, topic = curly_alias
    actors = api.get("/api/v1/actors/", {"q": spelling}).json()["results"]
    assert [actor["slug"] for actor in actors] == [group.slug]
    tags = api.get("/api/v1/tags/", {"q": spelling}).json()["results"]
    assert [tag["slug"] for tag in tags] == [topic.slug]
    statements = api.get("/api/v1/statements/", {"q": spelling}).json()["results"]
    assert [statement["speaker"]["slug"] for statement in statements] == [group.slug]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_it_finds_the_actor_the_topic_and_the_statement_in_the_admin_search(editor_client, curly_alias, spelling):
    group, topic = curly_alias
    actors = editor_client.get(reverse("admin:curation_actor_changelist"), {"q": spelling})
    assert list(actors.context["cl"].result_list) == [group]
    tags = editor_client.get(reverse("admin:curation_tag_changelist"), {"q": spelling})
    assert list(tags.context["cl"].result_list) == [topic]
    statements = editor_client.get(reverse("admin:curation_statement_changelist"), {"q": spelling})
    assert [statement.speaker for statement in statements.context["cl"].result_list] == [group]


def test_it_finds_the_actor_in_the_admin_autocomplete(editor_client, curly_alias):
    group, _ = curly_alias
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "Daesh", "app_label": "curation", "model_name": "statement", "field_name": "speaker"},
    )
    assert [result["text"] for result in response.json()["results"]] == [group.name]
