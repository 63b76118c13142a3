from django.shortcuts import get_object_or_404, render

from curation.models import Actor, Article, Statement, Tag


def home(request):
    articles = Article.objects.public().order_by("-published_on", "-id")
    return render(request, "curation/home.html", {"articles": articles})


def article_detail(request, slug):
    article = get_object_or_404(Article.objects.public(), slug=slug)
    return render(request, "curation/article_detail.html", {"article": article})


def actor_detail(request, slug):
    actor = get_object_or_404(Actor.objects.public(), slug=slug)
    return render(request, "curation/object_detail.html", {"object": actor})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag.objects.public(), slug=slug)
    return render(request, "curation/object_detail.html", {"object": tag})


def statement_detail(request, pk):
    statement = get_object_or_404(Statement.objects.public(), pk=pk)
    return render(request, "curation/object_detail.html", {"object": statement})
