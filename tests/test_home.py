from curation.models import Article


def test_it_lists_the_published_seed_articles(client, seeded):
    response = client.get("/")
    assert response.status_code == 200
    for article in Article.objects.public():
        assert article.title in response.content.decode()


def test_it_hides_draft_articles(client, seeded):
    article = Article.objects.first()
    article.status = Article.Status.DRAFT
    article.save()
    assert article.title not in client.get("/").content.decode()
