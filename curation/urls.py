from django.urls import path

from curation import views

app_name = "curation"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag-detail"),
    path("statements/<int:pk>/", views.statement_detail, name="statement-detail"),
]
