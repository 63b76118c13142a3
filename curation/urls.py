from django.urls import path

from curation import views
from curation.feeds import CorrectionsFeed

app_name = "curation"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("actors/", views.actor_list, name="actor-list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
    path("tags/", views.tag_list, name="tag-list"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag-detail"),
    path("corrections/", views.correction_list, name="correction-list"),
    path("corrections/feed/", CorrectionsFeed(), name="correction-feed"),
    path("search/", views.search, name="search"),
]
