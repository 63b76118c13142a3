"""The actor list and an actor's page: roles, names, statements over time."""

from datetime import date

import pytest

from curation.models import Actor, ActorSlugRedirect, Statement
from tests.support.builders import make_actor, make_article, make_quoted_articles, make_statement

pytestmark = pytest.mark.django_db

JAAFARI = "/actors/ibrahim-al-jaafari/"


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_it_lists_only_actors_with_public_statements(client, seeded):
    page = page_of(client, "/actors/")
    assert "Ibrahim al-Jaafari" in page and "Fuad Hussein" in page
    # Saddam Hussein is in the registry but said nothing here; Abadi's only
    # quote was corrected away from him.
    assert "Saddam Hussein" not in page and "Haider al-Abadi" not in page


def test_it_finds_an_actor_by_any_printed_name(client, seeded):
    page = page_of(client, "/actors/?name=al-Ja%27afari")
    assert "1 actor<" in page and "Ibrahim al-Jaafari" in page


def test_it_filters_people_from_organisations(client, seeded):
    page = page_of(client, "/actors/?kind=organisation")
    assert "Iraqi Presidency" in page and "Ibrahim al-Jaafari" not in page


def test_it_shows_a_bad_kind_as_a_form_error(client, seeded):
    page = page_of(client, "/actors/?kind=robot")
    assert "There is a problem" in page and "Select a valid choice" in page and "Ibrahim al-Jaafari" not in page


def test_it_shows_roles_aliases_and_every_statement_newest_first(client, seeded):
    page = page_of(client, JAAFARI)
    assert "Foreign Minister, Government of Iraq" in page and "from 8 September 2014 to 25 October 2018" in page
    assert "<li>al-Jaafari</li>" in page
    statements = Statement.objects.public().filter(speaker__slug="ibrahim-al-jaafari")
    assert f"{statements.count()} statements, newest first" in page
    for statement in statements:
        assert f'href="{statement.get_absolute_url()}"' in page
    assert "Attribution corrected" in page


def test_it_draws_statements_per_month_with_a_text_alternative(client, db):
    speaker = make_actor("Timeline Person")
    make_quoted_articles(2, speaker=speaker, published_on=date(2020, 1, 15))
    make_quoted_articles(1, speaker=speaker, published_on=date(2020, 3, 2))
    make_quoted_articles(1, speaker=speaker, published_on=None)
    page = page_of(client, speaker.get_absolute_url())
    assert page.count('<rect class="timeline-bar"') == 2
    assert "January 2020: 2 statements; March 2020: 1 statement." in page
    assert "1 statement in undated articles is not shown." in page
    assert '<th scope="row">January 2020</th><td>2</td>' in page


def test_it_sends_a_merged_actors_old_address_to_the_survivor(client, seeded):
    ActorSlugRedirect.objects.create(old_slug="ibrahim-jaafari", actor=Actor.objects.get(slug="ibrahim-al-jaafari"))
    response = client.get("/actors/ibrahim-jaafari/")
    assert response.status_code == 301 and response["Location"] == JAAFARI


def test_it_never_leads_an_old_address_to_an_actor_without_public_statements(client, seeded):
    ActorSlugRedirect.objects.create(old_slug="abadi-old", actor=Actor.objects.get(slug="haider-al-abadi"))
    assert client.get("/actors/abadi-old/").status_code == 404


def test_it_answers_unknown_and_unpublished_actors_with_404(client, db):
    hidden = make_actor("Draft Only")
    make_statement(make_article(draft=True), "test statement", speaker=hidden)
    suggested = make_actor("Suggested Only")
    make_statement(make_article(), "test statement", speaker=suggested, status=Statement.ReviewStatus.SUGGESTED)
    for url in ("/actors/nobody/", hidden.get_absolute_url(), suggested.get_absolute_url()):
        assert client.get(url).status_code == 404, url


def test_it_pages_an_actors_statements_and_404s_past_the_end(client, db):
    speaker = make_actor("Prolific Person")
    make_quoted_articles(23, speaker=speaker)
    first = page_of(client, speaker.get_absolute_url())
    assert first.count('class="statement-item"') == 20 and "Page 1 of 2" in first
    assert page_of(client, speaker.get_absolute_url() + "?page=2").count('class="statement-item"') == 3
    assert client.get(speaker.get_absolute_url() + "?page=3").status_code == 404


def test_it_escapes_hostile_names_and_descriptions(client, db):
    speaker = make_actor('<script>alert("actor")</script>', aliases=["<i>alias</i>"])
    speaker.description = "</script><b>bold</b>"
    speaker.save()
    make_quoted_articles(1, speaker=speaker)
    page = page_of(client, speaker.get_absolute_url())
    assert '<script>alert("actor")</script>' not in page and "<i>alias</i>" not in page
    assert "<b>bold</b>" not in page and "&lt;i&gt;alias&lt;/i&gt;" in page


def test_its_list_uses_the_same_queries_however_many_actors(client, seeded, django_assert_num_queries):
    # The count and the page of actors with their statement counts.
    with django_assert_num_queries(2):
        client.get("/actors/?name=a")
    make_quoted_articles(10)
    with django_assert_num_queries(2):
        client.get("/actors/?name=a")


def test_its_page_uses_the_same_queries_however_many_statements(client, db, django_assert_num_queries):
    speaker = make_actor("Counted Person", aliases=["Counted"])
    speaker.roles.create(title="Minister")
    make_quoted_articles(1, speaker=speaker)
    # The actor, aliases, roles, months, the page (its count is kept) and which of it is corrected.
    with django_assert_num_queries(6):
        client.get(speaker.get_absolute_url())
    make_quoted_articles(12, speaker=speaker, published_on=date(2022, 2, 2))
    with django_assert_num_queries(6):
        assert "13 statements" in client.get(speaker.get_absolute_url()).content.decode()
